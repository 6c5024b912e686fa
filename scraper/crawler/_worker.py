"""Entry point of a parse worker process (see ``scraper.crawler._pagepool.PagePool``)."""

from scraper.crawler._workers import worker_main

if __name__ == "__main__":
    worker_main()
