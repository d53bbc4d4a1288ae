"""The activity calendar ("Lịch hoạt động"): the month and the agenda, the activity and date
dialogs, attendance, the minutes of a chi đoàn meeting and the evidence files of a date."""
