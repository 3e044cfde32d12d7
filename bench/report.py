#!/usr/bin/env python3
"""Draws docs/benchmarks/inbox-latency.svg and rewrites the load-test tables in docs/benchmarks.md.

    python3 bench/report.py [docs/benchmarks/loadtest-results.tsv]

Reads the results of bench/loadtest.sh (and, when present, BenchmarkDotNet's GitHub-markdown
reports docs/benchmarks/*-report-github.md for the inbox query's mean time). Each endpoint was
measured in rounds; its figures are the rounds' medians, its counts their sums. The control (an app
on the largest database whose folder pages are as short as the smallest size's inbox) gets a row of
its own, a line in the plot and a ratio beside the target's. The host's own home page, measured in
the same rounds as the inbox and thread pages, gives their rates as a share of it. Python 3 standard library only: the
SVG is written by hand.
"""

import glob
import html
import math
import os
import re
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "docs", "benchmarks", "loadtest-results.tsv")
SVG = os.path.join(ROOT, "docs", "benchmarks", "inbox-latency.svg")
DOC = os.path.join(ROOT, "docs", "benchmarks.md")
BEGIN = "<!-- loadtest:begin (written by bench/report.py; edits here are replaced) -->"
END = "<!-- loadtest:end -->"

PROVIDERS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
ENDPOINTS = {
    "host": "The host's home page `GET /` (its layout and badge, signed in)",
    "inbox": "Inbox page `GET /messages`",
    "thread": "Thread page `GET /messages/thread/{id}`",
    "json-inbox": "JSON inbox `GET /messages/api/folders/inbox`",
    "reply": "Reply `POST /messages/api/threads/{id}/messages`",
}
COLOURS = {"sqlite": "#1f77b4", "postgres": "#d62728"}
BENCH_COLOURS = ["#2ca02c", "#9467bd", "#8c564b", "#e377c2"]


def read_results(path):
    """The run's description (the first comment line) and one dict per measured endpoint."""
    run, rows, header = "", [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                run = run or line.lstrip("# ").strip()
            elif header is None:
                header = line.split("\t")
            elif line:
                row = dict(zip(header, line.split("\t")))
                row["threads_per_user"] = int(row["threads_per_user"])
                # Results written before the control existed: every app had the sample's pages of 25.
                row["page_size"] = int(row.get("page_size", 25))
                row["round"] = int(row.get("round", 1))
                for key in ("requests_per_s", "p50_ms", "p99_ms"):
                    row[key] = float(row[key])
                for key in ("non2xx", "socket_errors", "requests"):
                    row[key] = int(row[key])
                for key in ("app_cpu_ms", "db_cpu_ms"):
                    row[key] = None if row.get(key, "-") == "-" else float(row[key])
                rows.append(row)
    if not rows:
        sys.exit(f"report: no results in {path}")
    return run, rows


def medians(rounds):
    """One row per provider, size, page size and endpoint: the rounds' median figures, their summed counts, the CPU per request over all."""
    groups = {}
    for r in rounds:
        groups.setdefault((r["provider"], r["threads_per_user"], r["page_size"], r["endpoint"]), []).append(r)
    # The apps' page size; the control's is shorter.
    main_page = max(r["page_size"] for r in rounds)
    rows = []
    for (provider, threads, page, endpoint), mine in groups.items():
        mine.sort(key=lambda r: r["round"])
        requests = sum(r["requests"] for r in mine)
        row = {"provider": provider, "threads_per_user": threads, "page_size": page, "control": page != main_page,
               "endpoint": endpoint, "rounds": mine, "requests": requests}
        for key in ("requests_per_s", "p50_ms", "p99_ms"):
            row[key] = statistics.median(r[key] for r in mine)
        for key in ("non2xx", "socket_errors"):
            row[key] = sum(r[key] for r in mine)
        for key in ("app_cpu_ms", "db_cpu_ms"):
            known = [r for r in mine if r[key] is not None]
            row[key] = sum(r[key] * r["requests"] for r in known) / sum(r["requests"] for r in known) if known and requests else None
        rows.append(row)
    return rows


UNITS = {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "µs": 1e-3, "ms": 1.0, "s": 1000.0}


def read_benchmarkdotnet():
    """Inbox benchmarks' mean time in ms by (series label, threads per user), from BenchmarkDotNet's tables."""
    series = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "docs", "benchmarks", "*-report-github.md"))):
        # e.g. UserMessages.Benchmarks.InboxBenchmarks-report-github.md: the class InboxBenchmarks.
        benchmark_class = os.path.basename(path)[: -len("-report-github.md")].split(".")[-1]
        header = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                cells = [c.strip().strip("*'") for c in line.strip().strip("|").split("|")]
                if not line.startswith("|"):
                    header = None
                elif "Method" in cells and "Mean" in cells:
                    header = cells
                elif header and not set(line) <= set("|-: \n"):
                    row = dict(zip(header, cells))
                    add_benchmark_row(series, benchmark_class, header, row)
    return series


def add_benchmark_row(series, benchmark_class, header, row):
    method = row.get("Method", "")
    if "inbox" not in (benchmark_class + method).lower():
        return
    threads_column = next((h for h in header if "thread" in h.lower() and h != "Method"), None)
    mean = re.fullmatch(r"([\d,.]+)\s*(ns|us|μs|µs|ms|s)", row.get("Mean", ""))
    if threads_column is None or mean is None:
        return
    try:
        threads = int(row[threads_column].replace(",", ""))
    except ValueError:
        return
    others = [row[h] for h in header if h not in ("Method", threads_column) and re.search("provider|database", h, re.I)]
    label = " ".join([f"BenchmarkDotNet {benchmark_class}.{method}"] + others)
    series.setdefault(label, {})[threads] = float(mean.group(1).replace(",", "")) * UNITS[mean.group(2)]


def log_ticks(low, high):
    """Powers of ten (with 2 and 5 between them when the range is short) covering low..high."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    steps = (1, 2, 5) if last - first <= 2 else (1,)
    ticks = [m * 10 ** e for e in range(first, last + 1) for m in steps]
    return [t for t in ticks if low / 1.0001 <= t <= high * 1.0001] or [10 ** first, 10 ** last]


def number(value):
    return f"{value:,.0f}" if value >= 1 else f"{value:.3f}".rstrip("0")


def wrap(text, width):
    """Words of text in lines of at most width characters."""
    lines = [""]
    for word in text.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def draw(run, rows, benchmarks):
    width, height = 940, 560
    left, right, top, bottom = 80, 330, 80, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    lines = []  # (label, colour, dash, marker, {threads: ms})
    for provider, name in PROVIDERS.items():
        inbox = [r for r in rows if r["provider"] == provider and r["endpoint"] == "inbox" and not r["control"]]
        if inbox:
            lines.append((f"{name} inbox page p50", COLOURS[provider], "", "circle", {r["threads_per_user"]: r["p50_ms"] for r in inbox}))
            lines.append((f"{name} inbox page p99", COLOURS[provider], "7,5", "square", {r["threads_per_user"]: r["p99_ms"] for r in inbox}))
        for control in (r for r in rows if r["provider"] == provider and r["endpoint"] == "inbox" and r["control"]):
            # From the smallest size (whose page has as many rows) to the control: the mailbox's size alone.
            small = find(rows, provider, min(r["threads_per_user"] for r in inbox), "inbox") if inbox else None
            points = {control["threads_per_user"]: control["p50_ms"]}
            if small:
                points[small["threads_per_user"]] = small["p50_ms"]
            lines.append((f"{name} inbox page p50, pages of {control['page_size']} (control)", COLOURS[provider], "1,4", "triangle", points))
    for i, (label, points) in enumerate(sorted(benchmarks.items())):
        lines.append((f"{label} (mean)", BENCH_COLOURS[i % len(BENCH_COLOURS)], "2,4", "diamond", points))

    xs = [x for *_, pts in lines for x in pts]
    ys = [y for *_, pts in lines for y in pts.values() if y > 0]
    x_low, x_high = min(xs + [10]), max(xs + [10_000])
    steps = [m * 10 ** e for e in range(-4, 7) for m in (1, 2, 5)]
    y_low = max(t for t in steps if t <= min(ys))
    y_high = min(t for t in steps if t >= max(ys) and t > y_low)

    def px(x):
        return left + (math.log10(x) - math.log10(x_low)) / (math.log10(x_high) - math.log10(x_low)) * plot_w

    def py(y):
        return top + plot_h - (math.log10(y) - math.log10(y_low)) / (math.log10(y_high) - math.log10(y_low)) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="28" font-size="18" font-weight="bold">Inbox latency against threads per user</text>',
    ]
    for i, part in enumerate(wrap(run, 120)[:2]):
        out.append(f'<text x="{left}" y="{48 + i * 14}" font-size="11" fill="#555">{html.escape(part)}</text>')
    for t in log_ticks(x_low, x_high):
        x = px(t)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{top + plot_h + 20}" text-anchor="middle">{number(t)}</text>')
    for t in log_ticks(y_low, y_high):
        y = py(t)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{number(t)}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 22}" text-anchor="middle">threads per user (log scale)</text>')
    out.append(f'<text transform="translate(24 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle">latency, ms (log scale)</text>')

    ly = top + 10
    for label, colour, dash, marker, points in lines:
        coords = [(px(x), py(y)) for x, y in sorted(points.items()) if y > 0]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for x, y in coords:
            out.append(shape(marker, x, y, colour))
        lx = left + plot_w + 16
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 30}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        out.append(shape(marker, lx + 15, ly, colour))
        for part in wrap(label, 32):
            out.append(f'<text x="{lx + 38}" y="{ly + 4}" font-size="12">{html.escape(part)}</text>')
            ly += 16
        ly += 8
    out.append("</svg>")
    os.makedirs(os.path.dirname(SVG), exist_ok=True)
    with open(SVG, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def shape(marker, x, y, colour):
    if marker == "triangle":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" fill="{colour}"/>'
    if marker == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if marker == "diamond":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def find(rows, provider, threads, endpoint, control=False):
    return next((r for r in rows if r["provider"] == provider and r["threads_per_user"] == threads and r["endpoint"] == endpoint and r["control"] == control), None)


def ratio_targets(small, large, label):
    """The 1.3× target at p50 and p99 (label has {} for which): the ratio of the rounds' medians, with
    each round's own ratio (the apps ran one after the other) to show the spread."""
    out = []
    for key in ("p50_ms", "p99_ms"):
        ratio = large[key] / small[key]
        pairs = [b[key] / a[key] for a, b in zip(small["rounds"], large["rounds"])]
        spread = f" (rounds: {', '.join(f'{p:.2f}' for p in pairs)})" if len(pairs) > 1 else ""
        out.append((label.format(key[:3]), f"{large[key]:.1f} ms vs {small[key]:.1f} ms = {ratio:.2f}×{spread}", verdict(ratio <= 1.3)))
    return out


def verdict(ok):
    return "met" if ok else "**not met**"


def targets(rows):
    """The issue's targets, each with the measured figure and whether it is met."""
    out = []
    for endpoint, name in (("inbox", "Inbox page"), ("thread", "Thread page")):
        r = find(rows, "sqlite", 10_000, endpoint)
        if r:
            out.append((f"{name} ≥ 2,000 requests/s, SQLite, 10,000 threads per user", f"{r['requests_per_s']:,.0f} requests/s", verdict(r["requests_per_s"] >= 2000)))
    host = find(rows, "sqlite", 10_000, "host")
    for endpoint, name in (("inbox", "Inbox page"), ("thread", "Thread page")):
        r = find(rows, "sqlite", 10_000, endpoint)
        if host and r:
            share = r["requests_per_s"] / host["requests_per_s"]
            out.append((f"{name} ≥ 0.6 of the host's home page, requests/s, SQLite, 10,000 threads per user",
                        f"{r['requests_per_s']:,.0f} / {host['requests_per_s']:,.0f} = {share:.2f}", verdict(share >= 0.6)))
    for provider, name in PROVIDERS.items():
        small, large = find(rows, provider, 10, "inbox"), find(rows, provider, 10_000, "inbox")
        control = find(rows, provider, 10_000, "inbox", control=True)
        if small and large:
            out += ratio_targets(small, large, f"Inbox page at 10,000 threads within 1.3× its {{}} at 10 threads, {name}")
        if small and control:
            out += ratio_targets(small, control, f"Control: the same with pages of {control['page_size']} threads at 10,000 (as many rows as at 10 threads), {{}}, {name}")
    for r in sorted((r for r in rows if r["provider"] == "sqlite" and r["endpoint"] == "reply"), key=lambda r: r["threads_per_user"]):
        out.append((f"Replies ≥ 500/s, SQLite, {r['threads_per_user']:,} threads per user", f"{r['requests_per_s']:,.0f} replies/s", verdict(r["requests_per_s"] >= 500)))
    bad = sum(r["non2xx"] + r["socket_errors"] for r in rows)
    total = sum(r["requests"] for r in rows)
    out.append(("Zero responses that are not 2xx (and no socket errors), every run", f"{bad:,} of {total:,} requests", verdict(bad == 0)))
    return out


def host_shares(rows):
    """The inbox and thread pages' requests/s as a share of the host's page in the same app: the ratio of
    the rounds' medians, with each round's own ratio (measured one after the other in that round)."""
    text = []
    for provider, name in PROVIDERS.items():
        for host in sorted((r for r in rows if r["provider"] == provider and r["endpoint"] == "host"), key=lambda r: r["threads_per_user"]):
            cells = []
            for endpoint in ("inbox", "thread"):
                page = find(rows, provider, host["threads_per_user"], endpoint)
                if page is None:
                    cells.append("–")
                    continue
                by_round = {r["round"]: r["requests_per_s"] for r in host["rounds"]}
                each = [r["requests_per_s"] / by_round[r["round"]] for r in page["rounds"] if r["round"] in by_round]
                spread = f" (rounds: {', '.join(f'{x:.2f}' for x in each)})" if len(each) > 1 else ""
                cells.append(f"{page['requests_per_s']:,.0f} = **{page['requests_per_s'] / host['requests_per_s']:.2f}**{spread}")
                cells.append(f"{page['app_cpu_ms']:.2f} ms = {host['app_cpu_ms'] / page['app_cpu_ms']:.2f}" if page["app_cpu_ms"] and host["app_cpu_ms"] else "–")
            host_cpu = f"{host['app_cpu_ms']:.2f} ms" if host["app_cpu_ms"] else "–"
            text.append(f"| {name} | {host['threads_per_user']:,} | {host['requests_per_s']:,.0f} | {cells[0]} | {cells[2]} | {host_cpu} | {cells[1]} | {cells[3]} |")
    if not text:
        return []
    return ["**The pages against the host's own page**: requests/s, and the share of the host page's; the app's CPU per request, and the host page's"
            " CPU per request as a share of it (steadier than requests/s on a shared machine)", "",
            "| Provider | Threads per user | Host's home page, requests/s | Inbox page | Thread page | Host's home page, CPU | Inbox page, CPU | Thread page, CPU |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"] + text + [""]


def cpu(row):
    if row["app_cpu_ms"] is None:
        return "–"
    return f"{row['app_cpu_ms']:.2f}" + ("" if row["db_cpu_ms"] is None else f" + {row['db_cpu_ms']:.2f}")


def tables(run, rows):
    text = [BEGIN, "", f"Run: {run}. Requests/s, p50 and p99 are the medians of the rounds.", ""]
    for provider, name in PROVIDERS.items():
        mine = [r for r in rows if r["provider"] == provider]
        if not mine:
            continue
        db = " + PostgreSQL" if provider == "postgres" else ""
        text += [f"**{name}**", "", f"| Endpoint | Threads per user | Requests/s | p50 (ms) | p99 (ms) | p50 of each round (ms) | CPU per request, app{db} (ms) | Not 2xx | Socket errors |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for endpoint, label in ENDPOINTS.items():
            for r in sorted((r for r in mine if r["endpoint"] == endpoint), key=lambda r: (r["threads_per_user"], r["control"])):
                each = ", ".join(f"{x['p50_ms']:.2f}" for x in r["rounds"])
                threads = f"{r['threads_per_user']:,}" + (f", pages of {r['page_size']} (control)" if r["control"] else "")
                text.append(f"| {label} | {threads} | {r['requests_per_s']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {each} | {cpu(r)} | {r['non2xx']} | {r['socket_errors']} |")
        text.append("")
    text += host_shares(rows)
    text += ["**Against the targets**", "", "| Target | Measured | |", "|---|---|---|"]
    text += [f"| {t} | {m} | {v} |" for t, m, v in targets(rows)]
    text += ["", END]
    return "\n".join(text)


def update_doc(section):
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    start, end = doc.find(BEGIN), doc.find(END)
    if start < 0 or end < start:
        sys.exit(f"report: {DOC} lacks the markers {BEGIN} ... {END}")
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(doc[:start] + section + doc[end + len(END):])


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else RESULTS
    run, rounds = read_results(path)
    rows = medians(rounds)
    draw(run, rows, read_benchmarkdotnet())
    update_doc(tables(run, rows))
    print(f"report: drew {os.path.relpath(SVG, ROOT)} and rewrote the load-test tables in {os.path.relpath(DOC, ROOT)}")


if __name__ == "__main__":
    main()
