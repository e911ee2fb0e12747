import Client
public enum CommandsPlaceholder {}
