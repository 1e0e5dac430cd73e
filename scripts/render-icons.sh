#!/usr/bin/env bash
# Renders the app icons (static/icons/*.png) from their SVG sources with headless Chromium.
# The PNGs are committed; run this only after changing an SVG.
set -euo pipefail
cd "$(dirname "$0")/../static/icons"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

render() { # source.svg size out.png
	local source="$1" size="$2" out="$3"
	printf '<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style><img src="%s">' \
		"$size" "$size" "file://$PWD/$source" >"$work/page.html"
	"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
		--default-background-color=00000000 --window-size="$size,$size" \
		--screenshot="$work/out.png" "file://$work/page.html" >/dev/null 2>&1
	mv "$work/out.png" "$out"
}

render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
render icon-maskable.svg 512 icon-maskable-512.png
# iOS ignores the manifest's icons and wants an opaque square.
render icon-maskable.svg 180 apple-touch-icon.png
