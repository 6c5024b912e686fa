"""Entry point of a page-analysis worker process (see ``scraper.pagepool.PagePool``)."""

from scraper.pagepool import worker_main

if __name__ == "__main__":
    worker_main()
