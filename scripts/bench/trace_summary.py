"""Sums a Chromium trace (from options_trace.mjs) per event on the renderer's main thread, and
prints the Layout and Paint events' details (objects laid out, area and element painted).
Nested events are each counted, so the figures overlap (Layout is inside UpdateStyleAndLayout)."""
import json, sys, collections
ev = json.load(open(sys.argv[1]))
ev = ev['traceEvents'] if isinstance(ev, dict) else ev
# main renderer thread: the one with most 'FunctionCall' / 'EventDispatch'
by_tid = collections.Counter((e.get('pid'), e.get('tid')) for e in ev if e.get('name') in ('FunctionCall','EventDispatch','Layout'))
main = by_tid.most_common(1)[0][0]
tot = collections.defaultdict(float); cnt = collections.Counter()
# self time approximation: complete events (ph X) durations; nested double counted, so list top-level names
for e in ev:
    if (e.get('pid'), e.get('tid')) != main: continue
    if e.get('ph') == 'X':
        tot[e['name']] += e.get('dur', 0) / 1000; cnt[e['name']] += 1
for k, v in sorted(tot.items(), key=lambda kv: -kv[1])[:25]:
    print(f'{v:9.1f} ms  {cnt[k]:5d}  {k}')

for e in [e for e in ev if e.get('name') in ('Layout', 'Paint') and e.get('ph') == 'X'][:6]:
    print(e['name'], round(e.get('dur', 0) / 1000, 1), 'ms', json.dumps(e.get('args', {}))[:220])
