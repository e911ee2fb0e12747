import Emulator
