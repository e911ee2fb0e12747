import Shell
print("kestractl")
