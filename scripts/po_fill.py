import importlib.util, sys, polib
po_path, tr_path = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("tr", tr_path); tr = importlib.util.module_from_spec(spec); spec.loader.exec_module(tr)
po = polib.pofile(po_path)
po.metadata["Language"] = "de"
po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
missing = []
for e in po:
    if e.obsolete: continue
    if e.msgid_plural:
        if e.msgid in tr.P:
            e.msgstr_plural = {0: tr.P[e.msgid][0], 1: tr.P[e.msgid][1]}
        elif not e.msgstr_plural.get(0):
            missing.append(e.msgid)
    else:
        if e.msgid in tr.T:
            e.msgstr = tr.T[e.msgid]
        elif not e.msgstr:
            missing.append(e.msgid)
    if "fuzzy" in e.flags: e.flags.remove("fuzzy")
po.save(po_path)
print("missing:", len(missing))
for m in missing: print("  ", repr(m))
