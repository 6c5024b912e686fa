"""Entry point of a page-analysis worker process (see ``scraper.analyze.PagePool``)."""

from scraper.analyze import worker_main

if __name__ == "__main__":
    worker_main()
