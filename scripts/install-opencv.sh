#!/usr/bin/env bash
# What `npm run build:vision` needs on Debian bookworm, and no more: OpenCV 4.6's runtime libraries (core, imgproc,
# features2d: 12 packages with their BLAS and TBB dependencies) installed, and the headers of the matching -dev
# packages unpacked into .cache/opencv. libopencv-dev itself would pull in about 190 packages (Qt, GDAL, FFmpeg)
# that the matcher never loads. Needs root (apt-get); does nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

updated=0
apt_update() { if [ "$updated" = 0 ]; then apt-get update -qq; updated=1; fi; }

if ! ldconfig -p | grep -q 'libopencv_features2d.so.406'; then
  apt_update
  apt-get install -y -qq --no-install-recommends libopencv-features2d406 >/dev/null
fi

if [ ! -f /usr/include/opencv4/opencv2/features2d.hpp ] && [ ! -f .cache/opencv/usr/include/opencv4/opencv2/features2d.hpp ]; then
  apt_update
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  (cd "$tmp" && apt-get download -qq libopencv-core-dev libopencv-imgproc-dev libopencv-features2d-dev libopencv-flann-dev 2>/dev/null)
  mkdir -p .cache/opencv
  for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" .cache/opencv; done
  rm -rf "$tmp"
fi
echo "opencv: runtime libraries and headers in place"
