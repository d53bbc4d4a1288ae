"""The "3 chủ động" area: the yearly self-assessment with its evidence and computed
indicators, the criteria templates, and the register of advice and coordination."""
