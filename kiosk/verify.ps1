# Penjelasan Kartu Prakerja: is this unpacked kiosk copy intact? (Windows PowerShell)
# Compares every file with SHA256SUMS, written when the zip was made. See KIOSK.md.
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$sums = Join-Path $here 'SHA256SUMS'
if (-not (Test-Path $sums)) { Write-Output 'RUSAK / DAMAGED: SHA256SUMS is missing; unzip site-kiosk.zip again'; exit 1 }
$expected = @{}
foreach ($line in Get-Content -Encoding UTF8 $sums) {
  if ($line -match '^([0-9a-f]{64})  (.+)$') { $expected[$Matches[2]] = $Matches[1] }
}
$problems = @()
foreach ($name in $expected.Keys) {
  $path = Join-Path $here $name
  if (-not (Test-Path -LiteralPath $path)) { $problems += "${name}: MISSING"; continue }
  $hash = (Get-FileHash -Algorithm SHA256 -LiteralPath $path).Hash.ToLower()
  if ($hash -ne $expected[$name]) { $problems += "${name}: CHANGED" }
}
Get-ChildItem -Recurse -File $here | ForEach-Object {
  $name = $_.FullName.Substring($here.Length + 1).Replace('\', '/')
  if ($name -ne 'SHA256SUMS' -and -not $expected.ContainsKey($name)) { $problems += "${name}: EXTRA" }
}
if ($problems.Count -gt 0) {
  Write-Output 'RUSAK / DAMAGED: unzip site-kiosk.zip again'
  $problems | ForEach-Object { Write-Output $_ }
  exit 1
}
Write-Output "UTUH / INTACT: $($expected.Count) files match SHA256SUMS"
