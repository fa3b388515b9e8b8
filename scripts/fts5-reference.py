#!/usr/bin/env python3
"""The reference engine of issue 12: SQLite FTS5 (porter, unicode61, bm25) over every record's
searchable text, scored on the search test set (scripts/search-cases.ts) the way kbsite's engine
is (scripts/search-recall.ts): is the source article among the first 10 results?

  python3 scripts/fts5-reference.py --site /tmp/site-base --cases tests/fixtures/search-cases.json
      [--db /tmp/kbsite-fts5.db] [--json]

The table is built once and reused while --db is newer than the site's kbsite.json. A query
runs as a phrase of its tokens first, then as an AND of them: phrase hits first, then AND hits not
already listed, each by bm25. With --json, one JSON object goes to stdout (the shape of
search-recall.ts's result, plus the timings) and the human lines to stderr. Python stdlib only.
"""
import argparse
import json
import os
import re
import sqlite3
import sys
import time

# Copied from layouts/search/words.js (BOILERPLATE): the support and legal paragraphs every
# article repeats, which need not be searchable. Keep the two in step.
BOILERPLATE = re.compile(
    r"Product Support Services|Microsoft Technical Support|CNTACTMS|In special cases, charges"
    r"|A supported fix is now available|THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE",
    re.I,
)
KINDS = ["message", "identifier", "hex", "registry"]
# Title and names count for more than the body, as a searcher expects; the order is the columns'.
WEIGHTS = "10.0, 5.0, 1.0"
TOP = 10


def record_paths(site):
    """Every record of a built site: kb/NNN/QNNNNNN/index.json."""
    kb = os.path.join(site, "kb")
    for folder in sorted(os.listdir(kb)):
        if not os.path.isdir(os.path.join(kb, folder)):
            continue
        for article in sorted(os.listdir(os.path.join(kb, folder))):
            path = os.path.join(kb, folder, article, "index.json")
            if os.path.exists(path):
                yield path


def row_of(record):
    """(id, title, names, text): the record's searchable text, boilerplate paragraphs left out."""
    names = record.get("keywords", []) + [f["name"] for f in record.get("files", [])]
    parts = []
    for section in record.get("sections", []):
        parts.append(section["heading"])
        for block in re.split(r"\n[ \t]*\n", section.get("text", "")):
            if block.strip() and not BOILERPLATE.search(block):
                parts.append(block)
    if record.get("queryWords"):
        parts.append(record["queryWords"])
    return record["id"], record["title"], "\n".join(names), "\n".join(parts)


def build(site, db):
    """Builds the FTS5 table into db (through a temporary file, so a broken build is never reused);
    its article count and build time go in a meta table, so a run that reuses it can report them."""
    started = time.perf_counter()
    tmp = db + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(
        "CREATE VIRTUAL TABLE docs USING fts5("
        "id UNINDEXED, title, names, text, tokenize='porter unicode61')"
    )
    rows = 0
    with con:
        for path in record_paths(site):
            with open(path, encoding="utf-8") as f:
                con.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", row_of(json.load(f)))
            rows += 1
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        seconds = time.perf_counter() - started
        con.execute("CREATE TABLE meta(articles INTEGER, build_seconds REAL)")
        con.execute("INSERT INTO meta VALUES (?, ?)", (rows, seconds))
    con.close()
    os.replace(tmp, db)


def fresh(db, site):
    """Whether db was built by this script after the site (a site without a report never is)."""
    report = os.path.join(site, "kbsite.json")  # rewritten by every build
    if not os.path.exists(db) or not os.path.exists(report):
        return False
    if os.path.getmtime(db) <= os.path.getmtime(report):
        return False
    con = sqlite3.connect(db)
    meta = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
    con.close()
    return meta is not None


def tokens_of(query):
    """The query's tokens as unicode61 cuts them: runs of letters and digits."""
    return re.findall(r"[^\W_]+", query.lower())


def quoted(token):
    return '"' + token.replace('"', '""') + '"'


def search(con, query, weights=WEIGHTS):
    """The first TOP ids: the phrase's hits by bm25, then the AND's hits not already listed."""
    tokens = tokens_of(query)
    if not tokens:
        return []
    phrase = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
    every = " AND ".join(quoted(t) for t in tokens)
    sql = f"SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, {weights}) LIMIT ?"
    ids = []
    for match in (phrase, every):
        for (found,) in con.execute(sql, (match, TOP * 2)):
            if found not in ids:
                ids.append(found)
    return ids[:TOP]


def score(con, cases):
    """search-recall.ts's result: found in the top TOP overall, per kind, and each case's rank."""
    per_case = []
    for case in cases:
        ids = search(con, case["query"])
        rank = ids.index(case["source"]) + 1 if case["source"] in ids else None
        per_case.append(
            {"query": case["query"], "kind": case["kind"], "source": case["source"], "rank": rank}
        )

    def tally(rows):
        found = sum(1 for r in rows if r["rank"] is not None)
        return {"found": found, "total": len(rows), "share": found / len(rows) if rows else 0}

    kinds = {k: tally([r for r in per_case if r["kind"] == k]) for k in KINDS}
    return {"overall": tally(per_case), "kinds": kinds, "perCase": per_case}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--cases", default="tests/fixtures/search-cases.json")
    parser.add_argument("--db", default="/tmp/kbsite-fts5.db")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--weights", default=WEIGHTS, help="bm25's column weights: title, names, text")
    parser.add_argument("--ids", action="store_true", help="print each case's first ids, as JSON")
    args = parser.parse_args()
    say = (lambda *a: print(*a, file=sys.stderr)) if args.json else print

    with open(args.cases, encoding="utf-8") as f:
        data = json.load(f)
    cases = data["cases"] if isinstance(data, dict) else data

    reused = fresh(args.db, args.site)
    if not reused:
        build(args.site, args.db)
    con = sqlite3.connect(args.db)
    rows, build_s = con.execute("SELECT articles, build_seconds FROM meta").fetchone()
    how = "reused (newer than the site's kbsite.json)" if reused else "built"
    say(f"{args.db} {how}: {rows} articles, built in {build_s:.1f} s")
    if args.ids:
        print(json.dumps([search(con, case["query"], args.weights) for case in cases]))
        return
    queried = time.perf_counter()
    result = score(con, cases)
    query_s = time.perf_counter() - queried
    con.close()

    for kind in KINDS:
        k = result["kinds"][kind]
        say(f"  {kind:<11} {k['found']:>3}/{k['total']:<3} {100 * k['share']:5.1f} %")
    o = result["overall"]
    say(f"  {'overall':<11} {o['found']:>3}/{o['total']:<3} {100 * o['share']:5.1f} %")
    say(f"{len(cases)} queries in {query_s:.2f} s ({1000 * query_s / max(1, len(cases)):.1f} ms each)")
    if args.json:
        timing = {"articles": rows, "buildSeconds": build_s, "reused": reused, "querySeconds": query_s}
        print(json.dumps({"engine": "fts5", **result, **timing}))


if __name__ == "__main__":
    main()
