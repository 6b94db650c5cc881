"""Where answers are kept: answer events, the store protocol, the in-memory and SQLAlchemy stores."""
