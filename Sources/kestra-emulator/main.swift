import Emulator
print("emulator")
