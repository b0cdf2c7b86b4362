@echo off
rem docmerge (release bundle): double-click to start the web page (docmerge serve --open) and open the browser;
rem from a command prompt, "docmerge.bat check 年报数据.xlsx" runs any command. Needs Java 17 or later.
chcp 65001 >nul
setlocal
set "HERE=%~dp0"
where java >nul 2>nul
if errorlevel 1 (
  echo 未找到 Java：请先安装 Java 17 或更高版本的运行环境（如 Eclipse Temurin 17），然后再双击本文件。
  pause
  exit /b 2
)
if "%~1"=="" (
  echo 正在启动 docmerge 网页版，浏览器会自动打开；关闭本窗口即停止。
  java -Dfile.encoding=UTF-8 -jar "%HERE%docmerge.jar" serve --open
  pause
) else (
  java -Dfile.encoding=UTF-8 -jar "%HERE%docmerge.jar" %*
)
