"""The counter's referrals (岗位推荐): making one from a match, recording its outcome."""
