#!/usr/bin/env bash
# Makes the narrated videos from the content files, in each culture's voice, with explanatory pictures
# (see tools/videos.yaml for the videos, their scenes and the budget; tools/videos.py for how).
# Usage: tools/make-videos.sh                  every video, every culture
#        tools/make-videos.sh mooc-part-1      the videos whose name starts so, every culture
#        tools/make-videos.sh mooc-part-1 hu   one culture
# A video is made again only when its inputs changed (tools/videos-manifest.tsv), so after translating a cue,
# run the command and commit the new file. Debian's ffmpeg, espeak-ng, librsvg2-bin, fonts-dejavu-core and
# python3-yaml are installed here when missing; the tests need none of them (the files are committed).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing+=(fonts-dejavu-core fontconfig)
python3 -c "import yaml" 2>/dev/null || missing+=(python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
exec python3 tools/videos.py "$@"
