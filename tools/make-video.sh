#!/usr/bin/env bash
# Makes a short video from the English cues of a content file (a tutorial's first video, or a MOOC part's
# introduction video): one title card per cue (the cue's text on the platform's colour) with the cue spoken
# by espeak-ng, fitted to the cue's timing. Debian's ffmpeg, espeak-ng and python3-yaml are needed only to
# make the file, which is committed.
# Usage: tools/make-video.sh content/toolbox/spoc-skills-validation/tutorial.en.md spoc-skills-validation
#        tools/make-video.sh content/mooc/part-1/part.en.md mooc-part-1
#        → src/Learning.Web/wwwroot/videos/<name>.webm
# WebM (VP9 and Opus): open formats that every current browser plays, Debian's Chromium included.
set -euo pipefail
cd "$(dirname "$0")/.."
source=$1
output="src/Learning.Web/wwwroot/videos/$2.webm"
font="src/Learning.Modules/Core/Pdf/Fonts/DejaVuSans.ttf"
bold="src/Learning.Modules/Core/Pdf/Fonts/DejaVuSans-Bold.ttf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line per cue: start, end, text (the video), and the title.
python3 - "$source" "$work" <<'PY'
import sys, yaml, textwrap
text = open(sys.argv[1], encoding="utf-8").read()
front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
video = front["videos"][0] if "videos" in front else front["video"]
with open(f"{sys.argv[2]}/title.txt", "w", encoding="utf-8") as f:
    f.write(video["title"])
for i, cue in enumerate(video["cues"]):
    with open(f"{sys.argv[2]}/cue{i:02}.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(textwrap.wrap(cue["text"], 34)))
    with open(f"{sys.argv[2]}/cue{i:02}.say", "w", encoding="utf-8") as f:
        f.write(cue["text"])
    h, m, s = cue["start"].split(":"); start = int(h) * 3600 + int(m) * 60 + float(s)
    h, m, s = cue["end"].split(":"); end = int(h) * 3600 + int(m) * 60 + float(s)
    with open(f"{sys.argv[2]}/cue{i:02}.len", "w") as f:
        f.write(f"{end - start:.3f}")
PY

for say in "$work"/cue*.say; do
  base=${say%.say}
  length=$(cat "$base.len")
  speed=165
  # Speak a little faster until the sentence fits its cue.
  while :; do
    espeak-ng -v en-gb -s "$speed" -w "$base.wav" -f "$say"
    spoken=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$base.wav")
    awk -v a="$spoken" -v b="$length" 'BEGIN { exit !(a <= b - 0.2) }' && break
    speed=$((speed + 15))
    [ "$speed" -gt 300 ] && break
  done
  ffmpeg -v error -y -f lavfi -i "color=c=0x0b5cad:s=640x360:r=5:d=$length" -i "$base.wav" \
    -filter_complex "[1:a]apad,atrim=0:$length[a];[0:v]drawtext=fontfile=$bold:textfile=$work/title.txt:fontcolor=white@0.85:fontsize=18:x=24:y=22:expansion=none,drawtext=fontfile=$font:textfile=$base.txt:fontcolor=white:fontsize=28:line_spacing=10:expansion=none:x=(w-text_w)/2:y=(h-text_h)/2[v]" \
    -map "[v]" -map "[a]" -c:v libvpx-vp9 -b:v 0 -crf 50 -deadline good -cpu-used 4 -row-mt 1 -pix_fmt yuv420p -c:a libopus -b:a 24k -ac 1 "$base.webm"
  echo "file '$base.webm'" >> "$work/list.txt"
done

ffmpeg -v error -y -f concat -safe 0 -i "$work/list.txt" -c copy "$output"
ls -l "$output"
