#!/usr/bin/env bash
# Renders the app icon from its SVG source into every file the window and the installers use.
# The outputs are committed, so a build never needs these tools; run this only after editing the SVG.
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."

svg=assets/icon/klinelive.svg
png_dir=assets/icon/png
window_dir=src/main/resources/com/klinelive/app/icons
mkdir -p "$png_dir" "$window_dir"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing" >&2; exit 1; }
done

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png "$svg" --output "$png_dir/klinelive-$size.png"
done

# Stage.getIcons() picks the closest size per use (title bar, task switcher, dock), so give it the usual ones.
for size in 16 32 48 64 128 256; do
  cp "$png_dir/klinelive-$size.png" "$window_dir/icon-$size.png"
done

# Windows shows 16..48 in lists and Explorer and 256 on large tiles; each size rendered, not scaled down.
convert "$png_dir"/klinelive-{16,24,32,48,64,128,256}.png -strip assets/icon/klinelive.ico

# The icns sizes png2icns knows how to store (16, 32, 48, 128, 256, 512).
png2icns assets/icon/klinelive.icns "$png_dir"/klinelive-{16,32,48,128,256,512}.png >/dev/null

echo "render-icons: wrote $png_dir, $window_dir, assets/icon/klinelive.ico and assets/icon/klinelive.icns"
