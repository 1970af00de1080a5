#!/usr/bin/env python3
"""elfmut.py IN OUT HOW: copy a relocatable ELF64 object with its first
relocation section damaged, as the report must refuse it:
  offset   the first relocation patches a field past its section's end
  info     the section's sh_info names a section that does not exist
  type     the first relocation has a type no machine defines
  symbol   the first relocation names a symbol that does not exist
  symtab   the symbol table is removed (the object is stripped)"""
import struct
import sys


def main():
    src, dst, how = sys.argv[1:4]
    d = bytearray(open(src, "rb").read())
    shoff, = struct.unpack_from("<Q", d, 0x28)
    shnum, shstrndx = struct.unpack_from("<HH", d, 0x3c)
    secs = []
    for i in range(shnum):
        h = shoff + 64 * i
        name, typ = struct.unpack_from("<II", d, h)
        off, size = struct.unpack_from("<QQ", d, h + 0x18)
        link, info = struct.unpack_from("<II", d, h + 0x28)
        secs.append((h, typ, off, size, link, info))
    rela = next(s for s in secs if s[1] == 4 and s[3] > 0 and
                secs[s[5]][1] == 1)      # SHT_RELA of a PROGBITS section
    h, _, off, size, link, info = rela
    if how == "offset":
        struct.pack_into("<Q", d, off, secs[info][3] + 0x1000)
    elif how == "info":
        struct.pack_into("<I", d, h + 0x2c, shnum + 100)
    elif how == "type":
        r_info, = struct.unpack_from("<Q", d, off + 8)
        struct.pack_into("<Q", d, off + 8, (r_info & ~0xffffffff) | 999)
    elif how == "symbol":
        r_info, = struct.unpack_from("<Q", d, off + 8)
        struct.pack_into("<Q", d, off + 8, (r_info & 0xffffffff) | (0xfffff << 32))
    elif how == "symtab":
        for s in secs:
            if s[1] == 2:                # SHT_SYMTAB becomes SHT_NULL
                struct.pack_into("<I", d, s[0] + 4, 0)
    else:
        sys.exit("elfmut.py: unknown damage '%s'" % how)
    open(dst, "wb").write(d)


main()
