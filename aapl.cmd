@echo off
rem Runs the aapl command line on Windows. Builds the runnable jar first when it is missing
rem or older than any source or build file.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%aapl-cli\target\aapl.jar"
set "BUILD="
if not exist "%JAR%" set "BUILD=1"
if not defined BUILD (
  for /f %%N in ('powershell -NoProfile -Command "$j=(Get-Item -LiteralPath '%JAR%').LastWriteTime; @(Get-ChildItem -LiteralPath '%HERE%' -Recurse -File | Where-Object { ($_.Name -eq 'pom.xml' -or $_.FullName -match '\\src\\') -and $_.FullName -notmatch '\\target\\' -and $_.LastWriteTime -gt $j }).Count"') do if not "%%N"=="0" set "BUILD=1"
)
if defined BUILD (
  echo aapl: building the runnable jar ^(the first time takes a few minutes^)... 1>&2
  call "%HERE%mvnw.cmd" -q -B -f "%HERE%pom.xml" -DskipTests package -pl aapl-cli -am 1>&2
  if errorlevel 1 exit /b 1
)
java %AAPL_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
