"""Load: ``content/`` in, the content model out, every problem located (``path:line:col``).

``yamltext`` composes one YAML file safely, ``fields`` reads typed values from its nodes, and
``content`` reads the whole content folder into ``booklet.model``. Rules that span files are the
next stage's (``booklet.validate``).
"""
