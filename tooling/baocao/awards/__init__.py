"""A unit's commendation numbers (the tables of section 2.4 a: Mẫu số 10 and 11) as data.

``model`` holds the shapes every command shares: the schema kept beside the form
(``_templates/forms/<form>/khen-thuong.yaml``) and a unit's data
(``reports/<unit>/khen-thuong.yaml``). Loading, checking, rendering, the province's
roll-up and the export each live in their own module and read only these shapes.
"""
