"""The "3 chủ động" recognition: criteria templates, the yearly checklist with its evidence and
computed indicators, and the register of advice and coordination (criterion 3)."""
