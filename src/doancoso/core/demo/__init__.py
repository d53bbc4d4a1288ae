"""A realistic demo organisation, with members' histories."""
