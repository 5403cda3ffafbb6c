#!/bin/sh
# Renders assets/icon.svg into the icons electron-builder takes from assets/ (directories.buildResources):
#   icons/<N>x<N>.png  Linux (AppImage, deb), 16 to 1024 px
#   icon.png           1024 px; electron-builder makes any format it lacks from it
#   icon.ico           Windows (NSIS and the executable), 16 to 256 px
#   icon.icns          macOS (dmg and the app bundle)
# Needs rsvg-convert, ImageMagick's convert and png2icns: apt-get install -y librsvg2-bin imagemagick icnsutils
# The results are committed; run this again after changing icon.svg.
set -eu
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing; apt-get install -y librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Up to 48 px the tile fills the square: the macOS-style margin would leave a 16 px icon 13 px wide.
sed 's/viewBox="0 0 1024 1024"/viewBox="92 92 840 840"/' icon.svg > "$work/small.svg"

mkdir -p icons
for size in 16 24 32 48 64 128 256 512 1024; do
  source=icon.svg
  [ "$size" -le 48 ] && source="$work/small.svg"
  rsvg-convert -w "$size" -h "$size" "$source" -o "icons/${size}x${size}.png"
done
cp icons/1024x1024.png icon.png
convert icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png icon.ico
# png2icns takes 16, 32, 48, 128, 256, 512 and 1024 px images.
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png icons/256x256.png icons/512x512.png icons/1024x1024.png >/dev/null
echo "make-icons: wrote icons/*.png, icon.png, icon.ico, icon.icns"
