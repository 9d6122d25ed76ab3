"""Stage 2b: print (Overzicht acties, pocket cards) rendered by WeasyPrint from sjablonen/."""
