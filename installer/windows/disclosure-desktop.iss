; 政府信息公开年报编制助手 — Windows 安装程序（Inno Setup 6.3 或更新版本）
;
; Build (from the repository root, after the PyInstaller bundle exists; see installer/README.md):
;   pyinstaller --noconfirm --distpath build\windows\dist --workpath build\windows\pyinstaller installer\disclosure-desktop.spec
;   iscc installer\windows\disclosure-desktop.iss
; Output: dist\disclosure-desktop-<version>-setup.exe
;
; What it does:
; * per-user install without administrator rights (PrivilegesRequired=lowest) into
;   %LOCALAPPDATA%\Programs\DisclosureDesktop ({userpf});
; * Simplified Chinese wizard only;
; * Start-menu entry (and an optional desktop shortcut);
; * .gknb project files open with the program: registered under HKCU\Software\Classes, so no
;   administrator rights are needed and other users of the computer are not affected;
; * uninstall removes only what it installed under {app} and its own registry keys: the
;   user's reports (wherever they saved them, usually 文档), the autosave/recovery folder
;   (%LOCALAPPDATA%\disclosure-desktop) and the settings (%APPDATA%\DisclosureDesktop) stay.
;
; Name, version, executable names and the project extension come from the generated include
; below (written by installer/disclosure-desktop.spec from installer/app_info.py), so they are
; never typed twice.

#include "..\..\build\windows\pyinstaller\disclosure-desktop\installer\app-info.iss"

#define BundleDir "..\..\build\windows\dist\disclosure-desktop"
#define IconFile "..\..\build\windows\pyinstaller\disclosure-desktop\installer\icons\app.ico"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionFull}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
; Per user, no administrator: {userpf} is %LOCALAPPDATA%\Programs.  An ASCII folder name keeps
; every tool that may touch the folder (antivirus exclusions, scripts) out of encoding trouble.
PrivilegesRequired=lowest
DefaultDirName={userpf}\DisclosureDesktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableWelcomePage=no
; PySide6 6.x supports Windows 10 and 11 (64-bit) only.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=disclosure-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
; Shipped in the Languages folder of current Inno Setup 6 releases; with an older Inno Setup,
; copy ChineseSimplified.isl from Inno Setup's (unofficial) translations page into the
; compiler's Languages folder first (installer/README.md).
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
chinesesimplified.AssociateProjectFiles=用本程序打开 {#ProjectExtension} 年报项目文件
chinesesimplified.Associations=文件关联：

[Tasks]
Name: "association"; Description: "{cm:AssociateProjectFiles}"; GroupDescription: "{cm:Associations}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: files of the previous version must not linger in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The .gknb file type, per user (HKCU\Software\Classes needs no administrator rights).
; Uninstall removes the program's own ProgID key and its value under .gknb, nothing else.
Root: HKCU; Subkey: "Software\Classes\{#ProjectExtension}"; ValueType: string; ValueName: ""; ValueData: "{#ProjectProgId}"; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProjectExtension}\OpenWithProgids"; ValueType: string; ValueName: "{#ProjectProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProjectProgId}"; ValueType: string; ValueName: ""; ValueData: "{#ProjectDescription}"; Flags: uninsdeletekey; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProjectProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProjectProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association
; "Open with" list entry of the executable itself.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#ProjectExtension}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: nothing outside what [Files] installed is removed.
