"""The annual rating of members (Xếp loại): the round's grid, its results, the rules dialog."""
