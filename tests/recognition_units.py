"""Units of our own for the recognition tests (tests/test_lint_recognise.py): each in the voice
of a real office, with how each of its headings must be read (heading start, kind, section)."""

# A commune wrapping the form in two parts, with sub-headings under leaves.
COMMUNE = """\
## PHẦN THỨ NHẤT: KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025

### I. TÌNH HÌNH CHUNG

Xã Tân Phú có 9 ấp, 4.120 hộ với 16.380 nhân khẩu; Đảng bộ xã có 412 đảng viên.

#### 1. Thuận lợi

Được Huyện ủy, UBND huyện quan tâm chỉ đạo; nhân dân đồng thuận.

#### 2. Khó khăn

Nguồn lực tài chính còn hạn hẹp; thời tiết bất lợi ảnh hưởng đến sản xuất.

### II. KẾT QUẢ THỰC HIỆN

#### 1. Về lãnh đạo, chỉ đạo công tác thi đua – khen thưởng

Đảng ủy ban hành Nghị quyết chuyên đề; UBND xã ban hành Kế hoạch số 15/KH-UBND.

#### 2. Kết quả các phong trào thi đua

##### 2.1. Thi đua thực hiện nhiệm vụ chính trị

Tổng giá trị sản xuất đạt 1.240 tỷ đồng, tăng 8,2% so với năm 2024, vượt kế hoạch.

##### 2.2. Phong trào thi đua theo đợt, chuyên đề

###### a) Các phong trào do Thủ tướng Chính phủ, Tỉnh ủy, UBND tỉnh phát động

Phong trào “Cả nước chung sức xây dựng nông thôn mới”: xã đạt chuẩn nông thôn mới nâng cao.
Phong trào “Chuyển đổi số”: 100% hồ sơ thủ tục hành chính được số hóa.

##### 2.3. Thực hiện chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước

Cán bộ, đảng viên học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.

##### 2.4. Công tác khen thưởng

###### a) Khen thưởng theo thẩm quyền

Chủ tịch UBND xã tặng Giấy khen cho 12 tập thể và 45 cá nhân; 80% là người lao động trực tiếp.

**Về khen thưởng thường xuyên**

Khen thưởng tổng kết năm cho 8 tập thể, 30 cá nhân.

**Về khen thưởng đột xuất**

Khen thưởng đột xuất 3 cá nhân có thành tích cứu người.

###### b) Quy trình bình xét và đề nghị khen thưởng

Hội đồng Thi đua - Khen thưởng xã họp xét công khai, dân chủ.

###### c) Công tác phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến

Ông Lê Văn Tư, ấp 3, hiến 300 m² đất làm đường được biểu dương.

#### 3. Đánh giá chung

##### 3.1. Ưu điểm

Phong trào thi đua được triển khai sâu rộng, gắn với nhiệm vụ chính trị.

##### 3.2. Tồn tại, hạn chế

Một số ấp tổ chức phong trào còn hình thức; nguyên nhân do cán bộ kiêm nhiệm.

#### 4. Kiến nghị

Đề nghị UBND huyện hỗ trợ kinh phí khen thưởng cho các ấp.

## PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026

### 1. Phương hướng, nhiệm vụ trọng tâm

Tiếp tục đẩy mạnh phong trào “Cả nước chung sức xây dựng nông thôn mới”.

### 2. Giải pháp

Gắn thi đua với khen thưởng kịp thời; nhân rộng điển hình tiên tiến.
"""

COMMUNE_READ = [
    ("PHẦN THỨ NHẤT", "wrapper", None),
    ("I. TÌNH HÌNH CHUNG", "section", "I"),
    ("1. Thuận lợi", "sub", "I"),
    ("2. Khó khăn", "sub", "I"),
    ("II. KẾT QUẢ THỰC HIỆN", "section", "II"),
    ("1. Về lãnh đạo", "section", "II.1"),
    ("2. Kết quả các phong trào", "section", "II.2"),
    ("2.1. Thi đua thực hiện", "section", "II.2.1"),
    ("2.2. Phong trào thi đua theo đợt", "section", "II.2.2"),
    ("a) Các phong trào do Thủ tướng", "section", "II.2.2.a"),
    ("2.3. Thực hiện chủ trương", "section", "II.2.3"),
    ("2.4. Công tác khen thưởng", "section", "II.2.4"),
    ("a) Khen thưởng theo thẩm quyền", "section", "II.2.4.a"),
    ("b) Quy trình bình xét", "section", "II.2.4.b"),
    ("c) Công tác phát hiện", "section", "II.2.4.c"),
    ("3. Đánh giá chung", "section", "II.3"),
    ("3.1. Ưu điểm", "section", "II.3.1"),
    ("3.2. Tồn tại, hạn chế", "section", "II.3.2"),
    ("4. Kiến nghị", "section", "II.4"),
    ("PHẦN THỨ HAI", "section", "III"),
    ("1. Phương hướng, nhiệm vụ trọng tâm", "section", "III.1"),
    ("2. Giải pháp", "section", "III.2"),
]

# A district office: "I-", "1/", "a-" numbering, all caps, other words, flat levels.
DISTRICT = """\
## I- NHỮNG KHÓ KHĂN VÀ THUẬN LỢI

Phòng có 7 công chức; khối lượng công việc lớn, địa bàn rộng.

## II- KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG NĂM 2025

### 1/ Công tác lãnh đạo, chỉ đạo

Ban hành 6 văn bản chỉ đạo, hướng dẫn về công tác thi đua, khen thưởng.

### 2/ Kết quả tổ chức, triển khai các phong trào thi đua

#### 2.1/ Kết quả thi đua thực hiện nhiệm vụ chính trị

Hoàn thành 14/14 chỉ tiêu được giao, 3 chỉ tiêu vượt kế hoạch.

#### 2.2/ Kết quả triển khai thực hiện phong trào thi đua theo đợt, chuyên đề

##### a- Các phong trào thi đua do Thủ tướng Chính phủ, Tỉnh ủy, UBND tỉnh phát động

Hưởng ứng 9 phong trào do Thủ tướng Chính phủ và tỉnh phát động, trong đó có “Chuyển đổi số”.

#### 2.3/ Kết quả thi đua thực hiện chủ trương, đường lối của Đảng

Công chức học tập, quán triệt đầy đủ các nghị quyết của Đảng.

#### 2.4/ Kết quả thực hiện công tác khen thưởng

##### a- Công tác khen thưởng theo thẩm quyền trong năm 2025

Tặng Giấy khen cho 4 tập thể, 21 cá nhân.

##### b- Quy trình bình xét và đề nghị khen thưởng

Xét khen thưởng đúng quy trình, công khai.

##### c- Công tác phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến

Biểu dương 3 gương điển hình tiên tiến trong cải cách hành chính.

### 3/ ĐÁNH GIÁ CHUNG

#### 3.1/ Những kết quả đạt được

Các chỉ tiêu chủ yếu đều đạt và vượt.

#### 3.2/ Hạn chế và nguyên nhân

Việc nhân rộng điển hình còn chậm do thiếu kinh phí.

### 4/ Đề xuất, kiến nghị

Đề nghị tăng số lượng khen thưởng cho người lao động trực tiếp.

## III- PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026

### 1/ Nhiệm vụ trọng tâm

Phấn đấu hoàn thành vượt mức các chỉ tiêu năm 2026.

### 2/ Các giải pháp thực hiện

Tăng cường kiểm tra, giám sát việc thực hiện phong trào thi đua.
"""

DISTRICT_READ = [
    ("I- NHỮNG KHÓ KHĂN", "section", "I"),
    ("II- KẾT QUẢ", "section", "II"),
    ("1/ Công tác lãnh đạo", "section", "II.1"),
    ("2/ Kết quả tổ chức", "section", "II.2"),
    ("2.1/", "section", "II.2.1"),
    ("2.2/", "section", "II.2.2"),
    ("a- Các phong trào", "section", "II.2.2.a"),
    ("2.3/", "section", "II.2.3"),
    ("2.4/", "section", "II.2.4"),
    ("a- Công tác khen thưởng", "section", "II.2.4.a"),
    ("b- Quy trình", "section", "II.2.4.b"),
    ("c- Công tác phát hiện", "section", "II.2.4.c"),
    ("3/ ĐÁNH GIÁ CHUNG", "section", "II.3"),
    ("3.1/", "section", "II.3.1"),
    ("3.2/", "section", "II.3.2"),
    ("4/ Đề xuất", "section", "II.4"),
    ("III- PHƯƠNG HƯỚNG", "section", "III"),
    ("1/ Nhiệm vụ trọng tâm", "section", "III.1"),
    ("2/ Các giải pháp", "section", "III.2"),
]

# A school: "A." and "B." group the parts; a sub-heading that sounds like 3.1 sits under 2.1.
SCHOOL_GROUPED = """\
## A. KẾT QUẢ CÔNG TÁC NĂM 2025

### I. Đặc điểm tình hình

Trường có 38 lớp, 1.520 học sinh và 96 cán bộ, giáo viên, nhân viên.

### II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025

#### 1. Công tác lãnh đạo, chỉ đạo tổ chức triển khai phong trào thi đua, công tác khen thưởng

Hiệu trưởng ban hành kế hoạch thi đua năm học; kiện toàn Hội đồng thi đua.

#### 2. Kết quả tổ chức, triển khai các phong trào thi đua

##### 2.1. Kết quả thi đua thực hiện nhiệm vụ chính trị

###### Kết quả đạt được

Tỷ lệ tốt nghiệp 99,6%, tăng 0,4% so với năm học trước.

###### Những việc chưa làm được

Tỷ lệ học sinh giỏi cấp tỉnh chưa đạt chỉ tiêu.

##### 2.2. Kết quả triển khai thực hiện phong trào thi đua theo đợt, chuyên đề

###### a) Các phong trào thi đua do Thủ tướng Chính phủ, Tỉnh ủy, UBND tỉnh phát động

Trường hưởng ứng phong trào “Chuyển đổi số” và “Văn hóa công sở”.

##### 2.3. Kết quả thi đua thực hiện chủ trương, đường lối của Đảng, chính sách pháp luật

Chi bộ đạt trong sạch, vững mạnh.

##### 2.4. Kết quả thực hiện công tác khen thưởng

###### a) Công tác khen thưởng theo thẩm quyền trong năm 2025

Khen thưởng 10 tập thể, 52 cá nhân.

###### b) Quy trình bình xét và đề nghị khen thưởng

Bình xét từ tổ chuyên môn.

###### c) Công tác phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến

Nhân rộng mô hình Câu lạc bộ STEM.

#### 3. Đánh giá chung

##### 3.1. Những kết quả đạt được

Các phong trào được triển khai đồng bộ.

##### 3.2. Tồn tại, hạn chế, nguyên nhân

Còn hình thức ở một số tổ.

#### 4. Kiến nghị, đề xuất

Đề nghị Sở bổ sung kinh phí.

## B. PHƯƠNG HƯỚNG, NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2026

### 1. Phương hướng, nhiệm vụ trọng tâm công tác thi đua, khen thưởng của cơ quan, đơn vị năm 2026

Tiếp tục phong trào “Dạy tốt - học tốt”.

### 2. Giải pháp tổ chức thực hiện nhằm nâng cao chất lượng, hiệu quả công tác thi đua, khen thưởng

Gắn thi đua với đánh giá viên chức.
"""

SCHOOL_GROUPED_READ = [
    ("A. KẾT QUẢ", "wrapper", None),
    ("I. Đặc điểm", "section", "I"),
    ("II. Kết quả", "section", "II"),
    ("1. Công tác lãnh đạo", "section", "II.1"),
    ("2. Kết quả tổ chức", "section", "II.2"),
    ("2.1.", "section", "II.2.1"),
    ("Kết quả đạt được", "sub", "II.2.1"),
    ("Những việc chưa làm được", "sub", "II.2.1"),
    ("2.2.", "section", "II.2.2"),
    ("a) Các phong trào", "section", "II.2.2.a"),
    ("2.3.", "section", "II.2.3"),
    ("2.4.", "section", "II.2.4"),
    ("a) Công tác khen thưởng", "section", "II.2.4.a"),
    ("b) Quy trình", "section", "II.2.4.b"),
    ("c) Công tác phát hiện", "section", "II.2.4.c"),
    ("3. Đánh giá chung", "section", "II.3"),
    ("3.1.", "section", "II.3.1"),
    ("3.2.", "section", "II.3.2"),
    ("4. Kiến nghị", "section", "II.4"),
    ("B. PHƯƠNG HƯỚNG", "section", "III"),
    ("1. Phương hướng", "section", "III.1"),
    ("2. Giải pháp", "section", "III.2"),
]
