from scraper import Body, Comment, Link, Person, Post, Quote, QuoteKind, Site
from scraper._schema import validate_post


def _post() -> Post:
    return Post(
        url="https://blog.example/2013/03/post/",
        title="Post",
        site=Site("Blog", "https://blog.example/"),
        author=Person("Ann", "https://blog.example/author/ann/"),
        authors=(Person("Ann", "https://blog.example/author/ann/"),),
        published="2013-03-22T10:00:00+00:00",
        categories=("News",),
        body=Body("One.\n\nTwo.", "<p>One.</p><p>Two.</p>"),
        quotes=(Quote("Hello", None, QuoteKind.Q),),
        read_more=Link("https://source.example/", "Read more"),
        comment_count=1,
        comments=(Comment(id="5", author=Person("Bob"), text="Hi", html="<p>Hi</p>"),),
    )


def test_round_trip_is_lossless() -> None:
    post = _post()
    assert Post.from_dict(post.to_dict()) == post


def test_record_validates_against_schema() -> None:
    assert validate_post(_post().to_dict()) == []


def test_schema_rejects_missing_field() -> None:
    record = _post().to_dict()
    del record["title"]
    assert any("title" in e for e in validate_post(record))
