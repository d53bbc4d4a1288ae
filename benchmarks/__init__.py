"""Speed benchmarks (`make bench`): each figure is printed next to a baseline measured in the
same run, so results from different machines stay comparable. Figures go in BENCHMARKS.md."""
