; Inno Setup script: a per-user installer for the one-folder bundle (dist\IKMDesk).
; No administrator rights: everything goes under the user's own profile.
; Build: see packaging/README.md ("iscc packaging\ikmdesk.iss" after packaging\build.py).

#define AppName "IKMDesk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6D3C2B0E-8A51-4C55-9E4B-2F1A7C0B9D14}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Dinas Perindustrian Kabupaten Kutai Timur
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user, never elevated: the office laptops give officers no administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
OutputDir=..\dist
OutputBaseFilename=IKMDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\IKMDesk.exe
UninstallDisplayName={#AppName}
; The user's data (%LOCALAPPDATA%\IKMDesk) is not under {app}, so an uninstall keeps it.

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\IKMDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\IKMDesk.exe"
Name: "{userprograms}\{#AppName} (hapus instalasi)"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\IKMDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\IKMDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
