"""A bare Flask app answering "hello": the yardstick bench/load.py compares the site with."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """The smallest page Flask can serve."""
    return "hello"
