"""The legal-citation engine: plain Python, never imports mkdocs.

It knows Indonesian legal citation (Pasal, ayat, huruf, angka), dated provision
versions and bilingual pages, not any one program. MkDocs hooks in ``hooks/``
adapt it to build events; another generator would only need new adapters.
"""
