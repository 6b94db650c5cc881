"""How learners learn: grading of responses, feedback, progress, spaced review, the room's tally, item analysis, seeded ordering."""
