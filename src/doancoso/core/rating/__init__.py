"""The annual evaluation and classification of members (đánh giá, xếp loại đoàn viên)."""
