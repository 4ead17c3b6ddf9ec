"""Windows version resource of the executables (what Explorer shows under 属性 → 详细信息).

Language 0x0804 (Simplified Chinese, PRC) with code page 1200 (UTF-16), so the Chinese
product name displays correctly.  Built from installer/app_info.py: nothing typed twice.
"""

from __future__ import annotations


def version_info(info, file_description: str, original_filename: str):
    from PyInstaller.utils.win32.versioninfo import (FixedFileInfo, StringFileInfo, StringStruct,
                                                      StringTable, VarFileInfo, VarStruct,
                                                      VSVersionInfo)

    numbers = tuple(info.version_tuple)
    text = ".".join(str(n) for n in numbers)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0,
                          OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([StringTable("080404B0", [
                StringStruct("CompanyName", info.publisher),
                StringStruct("FileDescription", file_description),
                StringStruct("FileVersion", text),
                StringStruct("InternalName", info.executable),
                StringStruct("OriginalFilename", original_filename),
                StringStruct("ProductName", info.title),
                StringStruct("ProductVersion", info.version),
                StringStruct("LegalCopyright", info.publisher),
            ])]),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
