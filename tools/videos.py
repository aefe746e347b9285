#!/usr/bin/env python3
"""Makes the platform's narrated videos from the content files: one WebM per video and culture.

Each video is declared in tools/videos.yaml: the content file it comes from ({culture} in its path), which of
the file's videos it is, and one scene per cue (what the picture shows while the cue is spoken). For each
culture the narration is that culture's cues spoken by that culture's espeak-ng voice, each fitted to its cue's
timing; the pictures are drawn as SVG from that culture's file (its mind map, timeline, organisation chart,
personas, steps, objectives, figures) or are pictograms without words, then rendered by rsvg-convert. ffmpeg
encodes the still pictures at 1 frame a second in VP9, with a key frame every 300 (a seek decodes at most 300 small
frames; key frames were half the picture's bytes), and the speech in Opus, mono: light files. Each video has a
poster, its first picture in WebP (<name>.<culture>.webp), which the player shows before it loads anything.

A video is made again only when its inputs change: the hash of everything that goes into it (cues, title,
scene data, voice, this script) is kept in tools/videos-manifest.tsv. Run through tools/make-videos.sh, which
installs the system packages when they are missing.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import wave
from xml.sax.saxutils import escape

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src/Learning.Web/wwwroot/videos")
MANIFEST = os.path.join(ROOT, "tools/videos-manifest.tsv")
CULTURES = ["fr", "en", "es", "ca", "it", "hu"]
VOICES = {"fr": "fr-be", "en": "en-gb", "es": "es", "ca": "ca", "it": "it", "hu": "hu"}
W, H = 640, 360
BRAND, BRAND_DARK, INK, MUTED, WASH = "#0b5cad", "#08427d", "#1d2430", "#5b6675", "#eef4fb"
ROLE_FILL = {"funds": "#fff4d6", "coordinates": "#e8f1fb", "delivers": "#ffffff", "partner": "#ffffff", "reached": "#e7f5ec"}
ROLE_KEYS = {"funds": "Who funds", "coordinates": "Who coordinates", "delivers": "Who delivers", "partner": "Partners", "reached": "Who is reached"}
KIND_ICONS = {"quiz": "question", "case": "person", "story": "panels", "recipe": "card"}


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def seconds(stamp):
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def role_labels(culture):
    """The organisation chart's row headings, from the tutorials' resources in this culture."""
    suffix = "" if culture == "en" else f".{culture}"
    text = open(os.path.join(ROOT, f"src/Learning.Modules/Tutorials/TutorialsStrings{suffix}.resx"), encoding="utf-8").read()
    labels = {}
    for role, key in ROLE_KEYS.items():
        m = re.search(r'<data name="' + re.escape(key) + r'"[^>]*>\s*<value>(.*?)</value>', text, re.S)
        labels[role] = m.group(1) if m else key
    return labels


# --- drawing -------------------------------------------------------------------------------------------------

def t(x, y, text, size=18, weight="normal", fill=INK, anchor="start"):
    return (f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
            f'text-anchor="{anchor}">{escape(text)}</text>')


def lines(x, y, text, width, size=18, weight="normal", fill=INK, anchor="start", gap=1.25, most=6):
    """Wrapped text; returns the SVG and the y under it. A word longer than a line makes the text smaller."""
    longest = max((len(w) for w in text.split()), default=0)
    if longest > width:
        size, width = size * width / longest, longest
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > most:
        wrapped = wrapped[:most]
        wrapped[-1] += " …"
    out = "".join(t(x, y + i * size * gap, line, round(size, 1), weight, fill, anchor) for i, line in enumerate(wrapped))
    return out, y + len(wrapped) * size * gap


def box(x, y, w, h, fill="#fff", stroke=MUTED, rx=10):
    return f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'


def arrow(x1, y1, x2, y2, colour=MUTED):
    return f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="{colour}" stroke-width="2" marker-end="url(#arrow)"/>'


def icon(name, cx, cy, s=1.0, colour=BRAND):
    """Pictograms without words, drawn around (cx, cy) at scale s (about 100 px wide at s = 1)."""
    g = f'<g transform="translate({cx:.0f},{cy:.0f}) scale({s:.2f})" fill="{colour}" stroke="{colour}" stroke-width="0">'
    shapes = {
        "person": '<circle cx="0" cy="-28" r="16"/><path d="M-30 40 Q-30 -6 0 -6 Q30 -6 30 40 Z"/>',
        "people": '<circle cx="-30" cy="-20" r="12" opacity="0.6"/><path d="M-54 34 Q-54 -2 -30 -2 Q-6 -2 -6 34 Z" opacity="0.6"/>'
                  '<circle cx="30" cy="-20" r="12" opacity="0.6"/><path d="M6 34 Q6 -2 30 -2 Q54 -2 54 34 Z" opacity="0.6"/>'
                  '<circle cx="0" cy="-28" r="15"/><path d="M-28 40 Q-28 -8 0 -8 Q28 -8 28 40 Z"/>',
        "question": '<circle cx="0" cy="0" r="44" fill="none" stroke-width="8"/>'
                    '<path d="M-14 -12 Q-14 -28 0 -28 Q16 -28 16 -13 Q16 -3 4 3 Q0 6 0 14" fill="none" stroke-width="8" stroke-linecap="round"/>'
                    '<circle cx="0" cy="28" r="5"/>',
        "bus": '<rect x="-50" y="-34" width="100" height="60" rx="10"/><rect x="-42" y="-26" width="24" height="20" fill="#fff"/>'
               '<rect x="-12" y="-26" width="24" height="20" fill="#fff"/><rect x="18" y="-26" width="24" height="20" fill="#fff"/>'
               '<circle cx="-28" cy="30" r="10" fill="#333"/><circle cx="28" cy="30" r="10" fill="#333"/>',
        "certificate": '<rect x="-42" y="-32" width="84" height="58" rx="4" fill="#fff" stroke-width="4"/>'
                       '<rect x="-30" y="-20" width="60" height="5"/><rect x="-30" y="-8" width="44" height="5"/>'
                       '<circle cx="22" cy="20" r="14" fill="#d9a400" stroke="#d9a400"/><path d="M14 30 L10 48 L22 40 L34 48 L30 30 Z" fill="#d9a400" stroke="#d9a400"/>',
        "desk": '<rect x="-50" y="4" width="100" height="12" rx="3"/><rect x="-44" y="16" width="8" height="28"/><rect x="36" y="16" width="8" height="28"/>'
                '<circle cx="-18" cy="-26" r="11"/><path d="M-38 4 Q-38 -14 -18 -14 Q2 -14 2 4 Z"/>'
                '<circle cx="24" cy="-26" r="11" opacity="0.6"/><path d="M4 4 Q4 -14 24 -14 Q44 -14 44 4 Z" opacity="0.6"/>',
        "path": '<rect x="-50" y="22" width="26" height="14"/><rect x="-22" y="6" width="26" height="30"/>'
                '<rect x="6" y="-10" width="26" height="46"/><path d="M34 -42 L34 -14 M34 -42 L54 -34 L34 -26" fill="none" stroke-width="4"/>',
        "network": '<g stroke-width="4"><line x1="0" y1="0" x2="-40" y2="-30"/><line x1="0" y1="0" x2="40" y2="-30"/>'
                   '<line x1="0" y1="0" x2="-40" y2="32"/><line x1="0" y1="0" x2="40" y2="32"/><line x1="-40" y1="-30" x2="40" y2="-30"/></g>'
                   '<circle cx="0" cy="0" r="14"/><circle cx="-40" cy="-30" r="10"/><circle cx="40" cy="-30" r="10"/>'
                   '<circle cx="-40" cy="32" r="10"/><circle cx="40" cy="32" r="10"/>',
        "door": '<rect x="-30" y="-46" width="60" height="92" fill="none" stroke-width="6"/>'
                '<path d="M-27 -43 L12 -34 L12 40 L-27 43 Z"/><circle cx="4" cy="2" r="4" fill="#fff"/>',
        "building": '<rect x="-40" y="-44" width="80" height="88"/>'
                    + "".join(f'<rect x="{x}" y="{y}" width="14" height="14" fill="#fff"/>' for x in (-28, -7, 14) for y in (-32, -10, 12)),
        "check": '<circle cx="0" cy="0" r="44"/><path d="M-22 0 L-6 18 L24 -16" fill="none" stroke="#fff" stroke-width="10" stroke-linecap="round"/>',
        "euro": '<circle cx="0" cy="0" r="44" fill="none" stroke-width="8"/>'
                '<path d="M18 -20 Q8 -28 0 -28 Q-22 -28 -22 0 Q-22 28 0 28 Q8 28 18 20" fill="none" stroke-width="7"/>'
                '<rect x="-34" y="-10" width="36" height="5"/><rect x="-34" y="4" width="36" height="5"/>',
        "panels": '<rect x="-50" y="-36" width="44" height="32" rx="3"/><rect x="4" y="-36" width="44" height="32" rx="3" opacity="0.7"/>'
                  '<rect x="-50" y="4" width="44" height="32" rx="3" opacity="0.7"/><rect x="4" y="4" width="44" height="32" rx="3" opacity="0.5"/>',
        "card": '<rect x="-36" y="-44" width="72" height="88" rx="6" fill="#fff" stroke-width="5"/>'
                + "".join(f'<circle cx="-20" cy="{y}" r="4"/><rect x="-10" y="{y - 3}" width="34" height="6"/>' for y in (-24, -6, 12, 30)),
        "clock": '<circle cx="0" cy="0" r="44" fill="none" stroke-width="8"/><path d="M0 -28 L0 0 L20 12" fill="none" stroke-width="7" stroke-linecap="round"/>',
        "home": '<path d="M-44 0 L0 -40 L44 0 Z"/><rect x="-32" y="0" width="64" height="40"/><rect x="-8" y="14" width="16" height="26" fill="#fff"/>',
        "map": '<path d="M0 44 Q-34 4 -34 -12 A34 34 0 1 1 34 -12 Q34 4 0 44 Z"/><circle cx="0" cy="-12" r="12" fill="#fff"/>',
        "handshake": '<circle cx="-34" cy="-26" r="12"/><path d="M-54 30 Q-54 -8 -34 -8 Q-18 -8 -12 6 L4 6 L4 16 L-16 16 L-16 30 Z"/>'
                     '<circle cx="34" cy="-26" r="12" opacity="0.6"/><path d="M54 30 Q54 -8 34 -8 Q18 -8 12 6 L-4 6 L-4 16 L16 16 L16 30 Z" opacity="0.6"/>',
        "book": '<path d="M0 -30 Q-24 -44 -48 -36 L-48 34 Q-24 26 0 40 Q24 26 48 34 L48 -36 Q24 -44 0 -30 Z" fill="none" stroke-width="6"/>'
                '<line x1="0" y1="-30" x2="0" y2="40" stroke-width="5"/>',
    }
    return g + shapes.get(name, shapes["question"]) + "</g>"


def svg(title, body):
    size = 17 if len(title) <= 52 else max(13, int(17 * 52 / len(title)))  # a long title gets smaller before it is cut
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
            f'font-family="DejaVu Sans">'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{MUTED}"/></marker></defs>'
            f'<rect width="{W}" height="{H}" fill="#fff"/>'
            f'<rect width="{W}" height="40" fill="{BRAND}"/>'
            + t(20, 27, shorten(title, most=int(52 * 17 / size)), size, "bold", "#fff") + body + "</svg>")


def shorten(text, most):
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def scene_title(video, data, _):
    body = f'<rect y="40" width="{W}" height="{H - 40}" fill="{WASH}"/>'
    body += icon(data.get("icon", "people"), W / 2, 130, 1.1)
    out, _y = lines(W / 2, 232, video["title"], 30, 28, "bold", BRAND_DARK, "middle", most=3)
    return body + out


def scene_icons(video, data, _):
    names = data["icons"]
    step = W / (len(names) + 1)
    body = "".join(icon(n, step * (i + 1), 200, 1.35 if len(names) < 3 else 1.1) for i, n in enumerate(names))
    if len(names) > 1 and data.get("arrows", False):
        body += "".join(arrow(step * (i + 1) + 70, 200, step * (i + 2) - 70, 200) for i in range(len(names) - 1))
    return body


def scene_mind_map(video, data, source):
    """The tutorial's mind map: its centre and branches, as the site draws it (centre column, branches left and right)."""
    mm = source["mind_map"]
    branches = mm["branches"]
    half = (len(branches) + 1) // 2
    cx, cw, bw = W / 2 - 90, 180, 190
    body = box(cx, 160, cw, 80, BRAND, BRAND)
    out, _ = lines(W / 2, 190, mm["centre"], 15, 17, "bold", "#fff", "middle", most=2)
    body += out
    for column, items in ((0, branches[:half]), (1, branches[half:])):
        x = 14 if column == 0 else W - 14 - bw
        step = (H - 60) / max(1, len(items))
        for i, b in enumerate(items):
            y = 56 + i * step
            bh = step - 14
            body = arrow(cx if column == 0 else cx + cw, 200, x + bw if column == 0 else x, y + bh / 2) + body
            body += box(x, y, bw, bh, WASH, BRAND)
            out, _ = lines(x + bw / 2, y + bh / 2 - 2, b["label"], 17, 15, "bold", BRAND_DARK, "middle", most=2)
            body += out
    return body


def scene_branch(video, data, source):
    """One branch of the mind map with its leaves."""
    mm = source["mind_map"]
    b = mm["branches"][data["branch"]]
    body = box(20, 140, 180, 90, BRAND, BRAND)
    out, _ = lines(110, 175, mm["centre"], 15, 16, "bold", "#fff", "middle", most=2)
    body += out
    body += arrow(200, 185, 238, 185)
    leaves = b["leaves"]
    body += box(240, 54, 385, 292, WASH, BRAND)
    out, y = lines(258, 84, b["label"], 34, 19, "bold", BRAND_DARK, most=2)
    body += out
    for leaf in leaves:
        body += f'<circle cx="266" cy="{y + 8:.0f}" r="5" fill="{BRAND}"/>'
        out, y = lines(280, y + 14, leaf, 31, 16, most=3)
        body += out
        y += 4
    return body


def scene_timeline(video, data, source):
    """Steps of the tutorial's timeline, left to right along a line: when, and what."""
    first, last = data["timeline"]
    steps = source["timeline"][first: last + 1]
    step = (W - 40) / len(steps)
    body = f'<line x1="20" y1="100" x2="{W - 20}" y2="100" stroke="{BRAND}" stroke-width="4"/>'
    for i, s in enumerate(steps):
        x = 20 + i * step + 8
        body += f'<circle cx="{x + 8:.0f}" cy="100" r="9" fill="{BRAND}"/>'
        width = max(12, int(step / 10.5))
        out, y = lines(x, 140, str(s["when"]), width, 19, "bold", BRAND_DARK, most=2)
        body += out
        out, _ = lines(x, y + 6, s["title"], width, 16, most=6)
        body += out
    return body


def scene_org_chart(video, data, source, culture):
    """The tutorial's organisation chart: a row per role, from who funds to who is reached, arrows for the links."""
    labels = role_labels(culture)
    actors = source["actors"]
    rows = [(r, [a for a in actors if a["role"] == r]) for r in ROLE_KEYS if any(a["role"] == r for a in actors)]
    row_h = (H - 50) / len(rows)
    left = 112
    pos, body, arrows = {}, "", ""
    for i, (role, members) in enumerate(rows):
        y = 48 + i * row_h
        bh = row_h - 12
        out, _ = lines(10, y + bh / 2 - 2, labels[role], 14, 12, "bold", MUTED, most=2)
        body += out
        bw = min(200, (W - left - 10 - 10 * (len(members) - 1)) / len(members))
        x0 = left + (W - left - 10 - (len(members) * bw + (len(members) - 1) * 10)) / 2
        for j, a in enumerate(members):
            x = x0 + j * (bw + 10)
            pos[a["id"]] = (x, y, bw, bh)
            body += box(x, y, bw, bh, ROLE_FILL[role], BRAND if role == "coordinates" else MUTED, 8)
            most = max(1, int((bh - 6) / 14))
            count = min(most, len(textwrap.wrap(a["name"], int(bw / 7.2))))
            out, _ = lines(x + bw / 2, y + bh / 2 - (count - 1) * 7 + 4, a["name"], int(bw / 7.2), 12, "bold", INK, "middle", 1.15, most=most)
            body += out
    for link in source.get("links", []):
        if link["from"] in pos and link["to"] in pos and link["from"] != link["to"]:
            fx, fy, fw, fh = pos[link["from"]]
            tx, ty, tw, th = pos[link["to"]]
            if abs(fy - ty) < 1:
                arrows += arrow(fx + fw if fx < tx else fx, fy + fh / 2, tx if fx < tx else tx + tw, ty + th / 2)
            elif fy < ty:
                arrows += arrow(fx + fw / 2, fy + fh, tx + tw / 2, ty)
            else:
                arrows += arrow(fx + fw / 2, fy, tx + tw / 2, ty + th)
    return arrows + body


def scene_bars(video, data, _):
    """Figures as bars: numbers need no words; the cue says what they count."""
    values = data["bars"]
    top = max(values)
    step = (W - 80) / len(values)
    bw = min(90, step - 30)
    body = f'<line x1="30" y1="320" x2="{W - 30}" y2="320" stroke="{MUTED}" stroke-width="2"/>'
    shades = [BRAND, "#3f86cf", "#6fa7dd", "#d9a400", "#2f8f5b"]
    for i, v in enumerate(values):
        h = 210 * v / top
        x = 40 + i * step + (step - bw) / 2
        body += f'<rect x="{x:.0f}" y="{320 - h:.0f}" width="{bw:.0f}" height="{h:.0f}" fill="{shades[i % len(shades)]}"/>'
        body += t(x + bw / 2, 310 - h, f"{v:,}".replace(",", "\u202f"), 26, "bold", INK, "middle")
        if data.get("icons"):
            body += icon(data["icons"][i], x + bw / 2, 340, 0.22, "#fff")
    return body


def scene_gauge(video, data, _):
    """A share as a ring (70% to pass, 65% pass rate…)."""
    import math
    body = ""
    values = data["gauge"] if isinstance(data["gauge"], list) else [data["gauge"]]
    step = W / (len(values) + 1)
    for i, p in enumerate(values):
        cx, cy, r = step * (i + 1), 200, 95
        a = 2 * math.pi * p / 100
        x, y = cx + r * math.sin(a), cy - r * math.cos(a)
        body += f'<circle cx="{cx:.0f}" cy="{cy}" r="{r}" fill="none" stroke="#dde6f0" stroke-width="34"/>'
        body += (f'<path d="M {cx:.0f} {cy - r} A {r} {r} 0 {1 if p > 50 else 0} 1 {x:.1f} {y:.1f}" fill="none" '
                 f'stroke="{BRAND if i == 0 else "#6fa7dd"}" stroke-width="34"/>')
        body += t(cx, cy + 16, f"{p}\u202f%", 44, "bold", BRAND_DARK, "middle")
    return body


def activity(source, ident):
    return next(a for a in source["activities"] if a["id"] == ident)


def scene_personas(video, data, source):
    """The personas of the part's cases, each a silhouette with a name."""
    ids = data["personas"]
    people = [activity(source, i)["persona"]["name"] for i in ids]
    step = W / (len(people) + 1)
    body = ""
    shades = [BRAND, "#2f8f5b", "#b45f06", "#7b3fa0", "#c0392b", "#3f86cf"]
    for i, name in enumerate(people):
        body += icon("person", step * (i + 1), 170, 1.0, shades[i % len(shades)])
        size = min(18, int(step / (len(name) * 0.68)))
        body += t(step * (i + 1), 250, name, size, "bold", INK, "middle")
    return body


def scene_persona(video, data, source):
    """One persona's card: name and facts."""
    p = activity(source, data["persona"])["persona"]
    body = box(20, 56, 170, 284, WASH, BRAND) + icon("person", 105, 160, 1.4)
    out, _ = lines(105, 280, p["name"], 14, 22, "bold", BRAND_DARK, "middle", most=2)
    body += out
    y = 80
    for fact in p["facts"][:6]:
        body += f'<circle cx="216" cy="{y - 6:.0f}" r="5" fill="{BRAND}"/>'
        out, y = lines(230, y, fact, 38, 16, most=3)
        body += out
        y += 8
        if y > 330:
            break
    return body


def numbered(items, title=None, start_y=66, size=16, first=1):
    """Numbered items under an optional title; the text gets smaller until all of them fit."""
    for size in range(size, 10, -1):
        body, y = "", start_y
        if title:
            out, y = lines(24, y + 6, title, 50, 20, "bold", BRAND_DARK, most=2)
            body += out
            y += 6
        for i, item in enumerate(items):
            body += f'<circle cx="38" cy="{y - size / 3:.0f}" r="{size * 0.8:.0f}" fill="{BRAND}"/>' + t(38, y, str(first + i), size - 1, "bold", "#fff", "middle")
            out, y = lines(62, y, item, int(560 / (size * 0.56)), size, most=3)
            body += out
            y += size / 2.5
        if y <= H - 6:
            break
    return body


def scene_steps(video, data, source):
    """A recipe card's steps, numbered."""
    a = activity(source, data["steps"])
    first, last = data.get("range", [0, len(a["steps"]) - 1])
    return numbered(a["steps"][first: last + 1], a["title"], first=first + 1)


def scene_objectives(video, data, source):
    """The part's objectives, each with a tick; the text gets smaller until all of them fit."""
    for size in (16, 15, 14, 13, 12):
        body, y = "", 72
        for o in source["objectives"]:
            body += icon("check", 38, y - size / 3, 0.2)
            out, y = lines(62, y, o, int(560 / (size * 0.56)), size, most=4)
            body += out
            y += size / 2
        if y <= H - 8:
            break
    return body


def scene_list(video, data, source):
    """Items from the culture's file, numbered: a field path such as mind_map.branches.2.leaves."""
    node = source
    for part in data["list"].split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    if isinstance(node, list) and node and isinstance(node[0], dict):
        node = [n.get("title") or n.get("label") or n.get("name") for n in node]
    return numbered(node, data.get("title_from") and source_path(source, data["title_from"]))


def source_path(source, path):
    node = source
    for part in path.split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    return node


def scene_activities(video, data, source):
    """The part's activities by kind: a pictogram and a count for each kind."""
    counts = {}
    for a in source["activities"]:
        counts[a["kind"]] = counts.get(a["kind"], 0) + 1
    kinds = [k for k in ("quiz", "case", "story", "recipe") if k in counts]
    step = W / (len(kinds) + 1)
    body = ""
    for i, k in enumerate(kinds):
        body += icon(KIND_ICONS[k], step * (i + 1), 170, 1.0)
        body += t(step * (i + 1), 268, f"× {counts[k]}", 30, "bold", BRAND_DARK, "middle")
    return body


def scene_caption(video, data, source, cue):
    out, _ = lines(W / 2, 170, cue, 36, 24, "bold", BRAND_DARK, "middle", most=5)
    return f'<rect y="40" width="{W}" height="{H - 40}" fill="{WASH}"/>' + out


def draw(scene, video, source, culture, cue):
    kind = next(iter(scene)) if isinstance(scene, dict) else scene
    data = scene if isinstance(scene, dict) else {}
    body = {
        "title": lambda: scene_title(video, data, source),
        "icons": lambda: scene_icons(video, data, source),
        "mind_map": lambda: scene_mind_map(video, data, source),
        "branch": lambda: scene_branch(video, data, source),
        "timeline": lambda: scene_timeline(video, data, source),
        "org_chart": lambda: scene_org_chart(video, data, source, culture),
        "bars": lambda: scene_bars(video, data, source),
        "gauge": lambda: scene_gauge(video, data, source),
        "personas": lambda: scene_personas(video, data, source),
        "persona": lambda: scene_persona(video, data, source),
        "steps": lambda: scene_steps(video, data, source),
        "objectives": lambda: scene_objectives(video, data, source),
        "list": lambda: scene_list(video, data, source),
        "activities": lambda: scene_activities(video, data, source),
        "caption": lambda: scene_caption(video, data, source, cue),
    }[kind]()
    return svg(video["title"], body)


# --- sound, pictures, film -----------------------------------------------------------------------------------

def run(*args):
    subprocess.run(["nice", "-n", "19", *args], check=True)


FASTEST_CLEAR = 200  # words a minute: faster, a learner listening in a second language loses the thread


def speak(text, culture, length, path):
    """The cue spoken by the culture's voice, fast enough to end 0.2 s before the cue does. Returns the speed."""
    speed = 160
    for _ in range(4):
        run("espeak-ng", "-v", VOICES[culture], "-s", str(speed), "-w", path, text)
        with wave.open(path) as w:
            spoken = w.getnframes() / w.getframerate()
        if spoken <= length - 0.2 or speed >= 320:
            return speed
        speed = min(320, int(speed * spoken / (length - 0.25)) + 5)
    return speed


def resolve(entry, culture):
    path = os.path.join(ROOT, entry["source"].format(culture=culture))
    source = front_matter(path)
    which = entry.get("video", "intro")
    video = source["video"] if which == "intro" else source["videos"][which]
    return path, source, video


def scene_inputs(scenes, source):
    """The parts of the file that the scenes draw, for the hash (a change elsewhere in the file changes nothing)."""
    keys = set()
    for s in scenes:
        kind = next(iter(s)) if isinstance(s, dict) else s
        keys |= {"mind_map": {"mind_map"}, "branch": {"mind_map"}, "timeline": {"timeline"}, "org_chart": {"actors", "links"},
                 "personas": {"activities"}, "persona": {"activities"}, "steps": {"activities"}, "objectives": {"objectives"},
                 "activities": {"activities"}}.get(kind, set())
        if kind == "list":
            keys.add(s["list"].split(".")[0])
    picked = {k: source.get(k) for k in sorted(keys)}
    if "activities" in picked:  # only what the pictures show of the activities
        picked["activities"] = [{k: a.get(k) for k in ("id", "kind", "title", "persona", "steps")} for a in source["activities"]]
    return picked


def make(name, entry, culture, manifest, script_hash, labels):
    path, source, video = resolve(entry, culture)
    scenes = entry.get("scenes", [])
    cues = video["cues"]
    expected = f"/videos/{name}.{culture}.webm"
    if video.get("file") != expected:
        print(f"  note: {os.path.relpath(path, ROOT)} names '{video.get('file')}', not '{expected}'", file=sys.stderr)
    inputs = {"title": video["title"], "cues": cues, "scenes": scenes, "voice": VOICES[culture], "script": script_hash,
              "data": scene_inputs(scenes, source), "labels": labels if any(s == "org_chart" for s in scenes) else None}
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    output = f"{name}.{culture}.webm"
    poster = f"{name}.{culture}.webp"
    if manifest.get(output) == digest and all(os.path.exists(os.path.join(OUT, f)) for f in (output, poster)):
        print(f"  {output}: up to date")
        return
    with tempfile.TemporaryDirectory() as work:
        total = seconds(cues[-1]["end"])
        rate = 22050
        audio = bytearray(int(total * rate) * 2)
        pictures = []
        for i, cue in enumerate(cues):
            start, end = seconds(cue["start"]), seconds(cue["end"])
            wav = os.path.join(work, f"cue{i:02}.wav")
            if speak(cue["text"], culture, end - start, wav) > FASTEST_CLEAR:
                print(f"  note: cue {i + 1} of {name}.{culture} is spoken faster than {FASTEST_CLEAR} words a minute "
                      f"to fit its {end - start:.1f} s: shorten its text or lengthen its timing", file=sys.stderr)
            with wave.open(wav) as w:
                assert w.getframerate() == rate and w.getsampwidth() == 2 and w.getnchannels() == 1
                frames = w.readframes(w.getnframes())
            at = int(start * rate) * 2
            frames = frames[: max(0, int(end * rate) * 2 - at)]
            audio[at: at + len(frames)] = frames
            scene = scenes[i] if i < len(scenes) else "caption"
            svg_path, png = os.path.join(work, f"cue{i:02}.svg"), os.path.join(work, f"cue{i:02}.png")
            with open(svg_path, "w", encoding="utf-8") as f:
                f.write(draw(scene, video, source, culture, cue["text"]))
            run("rsvg-convert", "-w", str(W), "-h", str(H), "-o", png, svg_path)
            next_start = seconds(cues[i + 1]["start"]) if i + 1 < len(cues) else end
            pictures.append((png, (next_start if i + 1 < len(cues) else end) - (start if i else 0)))
        with wave.open(os.path.join(work, "speech.wav"), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(rate)
            w.writeframes(bytes(audio))
        with open(os.path.join(work, "pictures.txt"), "w") as f:
            for png, duration in pictures:
                f.write(f"file '{png}'\nduration {duration:.3f}\n")
            f.write(f"file '{pictures[-1][0]}'\n")
        target = os.path.join(OUT, output)
        run("ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", os.path.join(work, "pictures.txt"),
            "-i", os.path.join(work, "speech.wav"), "-t", f"{total:.3f}",
            "-vf", "fps=1,format=yuv420p", "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "48", "-g", "300",
            "-deadline", "good", "-cpu-used", "5", "-threads", "1",
            "-c:a", "libopus", "-b:a", "12k", "-ac", "1", "-application", "voip",
            "-metadata", f"title={video['title']}", "-metadata:s:a:0", f"language={culture}", target)
        # The poster: the first picture, which the player shows until played, so that a page loads no video at all.
        run("ffmpeg", "-v", "error", "-y", "-i", pictures[0][0], "-c:v", "libwebp", "-quality", "60",
            os.path.join(OUT, poster))
    manifest[output] = digest
    print(f"  {output}: {os.path.getsize(target):,} bytes, poster {os.path.getsize(os.path.join(OUT, poster)):,}")


def main():
    config = yaml.safe_load(open(os.path.join(ROOT, "tools/videos.yaml"), encoding="utf-8"))
    wanted = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "all" else ""
    cultures = [sys.argv[2]] if len(sys.argv) > 2 else CULTURES
    manifest = {}
    if os.path.exists(MANIFEST):
        for line in open(MANIFEST, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                f, h = line.split()[:2]
                manifest[f] = h
    script_hash = hashlib.sha256(open(__file__, "rb").read()).hexdigest()[:16]
    for name, entry in config["videos"].items():
        if not name.startswith(wanted):
            continue
        print(name)
        for culture in cultures:
            make(name, entry, culture, manifest, script_hash, role_labels(culture))
            with open(MANIFEST, "w", encoding="utf-8") as f:
                f.write("# file\tinputs hash (tools/videos.py): made again when it changes\n")
                for k in sorted(manifest):
                    f.write(f"{k}\t{manifest[k]}\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT) if f.endswith((".webm", ".webp")))
    print(f"all videos and posters: {total:,} bytes; budget {config['budget_bytes']:,}")
    if total > config["budget_bytes"]:
        sys.exit("over the budget in tools/videos.yaml")


if __name__ == "__main__":
    main()
