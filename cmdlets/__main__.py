"""``python -m o365shell.cmdlets``: rewrite the cmdlet index (_index.py) from the modules."""
from . import write_index

print("wrote", write_index())
