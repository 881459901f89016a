"""Social: profiles, follows (approved for private profiles), blocks, posts with photos and tagged
pets, comments, reactions and the feed.

Sub-packages share one shape (models, repository, service, errors, types, loaders). Who may see
what is decided once, as SQL predicates in :mod:`graphql_api.social.audience`, and every
repository builds its selects on them.
"""
