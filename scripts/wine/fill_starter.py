"""Fills a `vanban new` starter draft as a secretary would (place, date, number, subject, the
"..." placeholders), the same way tests/check_exports.rs fills starters, so that it renders and
checks with 0 errors. Used by scripts/test-windows.sh. Usage: fill_starter.py STARTER.toml"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
template = re.search(r'^template = "([^"]+)"', text, re.M).group(1)
system = re.search(r'^system = "([^"]+)"', text, re.M).group(1)
top = 'number = 7\n'
if template == "cong-van" and system == "state" and not re.search(r'^unit = ', text, re.M):
    top += 'unit = "TH"\n'
text = re.sub(r'^(template = .*\n)', lambda m: m.group(1) + top, text, count=1, flags=re.M)
text = re.sub(r'^place = ".*"$', 'place = "Hà Nội"', text, flags=re.M)
text = re.sub(r'^subject = ".*"$', 'subject = "Về việc thực hiện phong trào thi đua năm 2024"', text, flags=re.M)
text = re.sub(r'^\[date\]\nyear = \d+$', '[date]\nyear = 2024\nmonth = 2\nday = 5', text, flags=re.M)
text = re.sub(r'^(superior = ".*)\.\.\.(.*")$', r'\1BẮC KẠN\2', text, flags=re.M)
text = re.sub(r'^(archive = ".*)\.\.\.(.*")$', r'\1VP\2', text, flags=re.M)
text = re.sub(r'^name = "Nguyễn Văn A"$', 'name = "Nguyễn Văn An"', text, flags=re.M)
# The form's text fields a secretary writes (mục đích, nội dung, …): one sentence each.
text = re.sub(r'^([a-z_]+) = ""$', r'\1 = "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc, đúng tiến độ."', text, flags=re.M)
sys.stdout.write(text)
