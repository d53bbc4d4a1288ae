; Inno Setup script: per-user installer of doancoso (no administrator rights needed).
;
;   iscc packaging\windows\doancoso.iss                      (version read from the .exe)
;   iscc /DAppVersion=0.1.0 packaging\windows\doancoso.iss   (or given explicitly)
;
; Saved as UTF-8 with a BOM (Inno Setup 6 reads it so; keep the BOM for the Vietnamese text).
; Input: dist\doancoso\ built by `pyinstaller packaging\doancoso.spec` (see README.md here).
; Output: dist\doancoso-<version>-setup.exe
; Vietnamese installer text: Inno Setup ships "Vietnamese.isl" among its unofficial
; translations. If the compiler says it is missing, download Vietnamese.isl from
; https://jrsoftware.org/files/istrans/ and put it in the "Languages" folder of Inno Setup
; (e.g. C:\Program Files (x86)\Inno Setup 6\Languages\).

#define AppName "Đoàn cơ sở 3 chủ động"
#define AppExe "doancoso.exe"
#define Bundle "..\..\dist\doancoso"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)
#endif

[Setup]
; Keep this AppId for every version: it is how updates find the installed copy.
AppId={{6E0D8F52-3C1B-4D0E-9A57-2B7C1F0E8D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=doancoso
; Per user: installs under %LOCALAPPDATA%\Programs, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={localappdata}\Programs\doancoso
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6 needs Windows 10 or later, 64-bit.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=doancoso-{#AppVersion}-setup
SetupIconFile=..\icons\doancoso.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The data folder (%LOCALAPPDATA%\doancoso) is never touched by install or uninstall.

[Languages]
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Never install the portable marker or data: an installed copy keeps its data in the user folder.
Source: "{#Bundle}\*"; DestDir: "{app}"; Excludes: "doancoso.portable,doancoso-data"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version's bundle (e.g. a removed library) must not linger in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
