"""The grants register: the office's offers and grants, one row each (``wsp grants``).

- :mod:`.model`: a register row (:class:`GrantRow`), its columns, the modes and their aliases,
  and the questions computed indicators ask of the register (:class:`GrantQuery`);
- :mod:`.areas`: the areas of public tasks of art. 4 ust. 1 of the act, as data;
- :mod:`.limits`: the act's limits that ``wsp check`` applies to the register, as data.

Pure: no SQL, no Typer, no Rich. A store holds the rows (schema 5) and answers the queries in
SQL.
"""
