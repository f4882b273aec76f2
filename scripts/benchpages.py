"""The page set the benchmark scripts (bench-speed, bench-callgrind) run on, shared so both read the same pages."""
import gzip, re


def unpack(folders, target, limit=None):
    """Decompresses the .html/.htm pages (gzipped or not) of each folder (its html/ subfolder when it has one),
    sorted by name, folder by folder, into target as NNNNN.html; at most `limit` when given.
    Returns the count and the bytes written; raises ValueError when there is no page."""
    count = total = 0
    for folder in folders:
        folder = folder / "html" if (folder / "html").is_dir() else folder
        for path in sorted(folder.iterdir()):
            if limit is not None and count == limit:
                break
            if not re.search(r"\.html?(\.gz)?$", path.name):
                continue
            body = path.read_bytes()
            if path.name.endswith(".gz"):
                body = gzip.decompress(body)
            (target / f"{count:05d}.html").write_bytes(body)
            count += 1
            total += len(body)
    if count == 0:
        raise ValueError(f"no .html pages in {', '.join(map(str, folders))}")
    return count, total
