"""Stage 3: publishing a built site as bundles for an intranet (a web server and a file share)."""
