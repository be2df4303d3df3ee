-- Demo data for the local stack (never for production): the 30 district-level units of the 2023 plan, two
-- post-2025 units where the demo accounts work, demo accounts for each role, and a few stories in every state.
-- Demo password for every account: ThiDua@2026 (listed in the README). Photos' bytes are in supabase/seed-files/.

-- The 2023 structure: 12 quận, 17 huyện, 1 thị xã. District level ended on 01/07/2025 (valid_to is exclusive).
insert into public.unit (id, code, name, kind, valid_from, valid_to)
select md5('unit:' || code)::uuid, code, name, kind, date '2008-08-01', date '2025-07-01'
from (values
  ('ba-dinh', 'Quận Ba Đình', 'quan'), ('hoan-kiem', 'Quận Hoàn Kiếm', 'quan'), ('tay-ho', 'Quận Tây Hồ', 'quan'),
  ('long-bien', 'Quận Long Biên', 'quan'), ('cau-giay', 'Quận Cầu Giấy', 'quan'), ('dong-da', 'Quận Đống Đa', 'quan'),
  ('hai-ba-trung', 'Quận Hai Bà Trưng', 'quan'), ('hoang-mai', 'Quận Hoàng Mai', 'quan'),
  ('thanh-xuan', 'Quận Thanh Xuân', 'quan'), ('nam-tu-liem', 'Quận Nam Từ Liêm', 'quan'),
  ('bac-tu-liem', 'Quận Bắc Từ Liêm', 'quan'), ('ha-dong', 'Quận Hà Đông', 'quan'),
  ('soc-son', 'Huyện Sóc Sơn', 'huyen'), ('dong-anh', 'Huyện Đông Anh', 'huyen'), ('gia-lam', 'Huyện Gia Lâm', 'huyen'),
  ('thanh-tri', 'Huyện Thanh Trì', 'huyen'), ('me-linh', 'Huyện Mê Linh', 'huyen'), ('ba-vi', 'Huyện Ba Vì', 'huyen'),
  ('phuc-tho', 'Huyện Phúc Thọ', 'huyen'), ('dan-phuong', 'Huyện Đan Phượng', 'huyen'),
  ('hoai-duc', 'Huyện Hoài Đức', 'huyen'), ('quoc-oai', 'Huyện Quốc Oai', 'huyen'),
  ('thach-that', 'Huyện Thạch Thất', 'huyen'), ('chuong-my', 'Huyện Chương Mỹ', 'huyen'),
  ('thanh-oai', 'Huyện Thanh Oai', 'huyen'), ('thuong-tin', 'Huyện Thường Tín', 'huyen'),
  ('phu-xuyen', 'Huyện Phú Xuyên', 'huyen'), ('ung-hoa', 'Huyện Ứng Hòa', 'huyen'), ('my-duc', 'Huyện Mỹ Đức', 'huyen'),
  ('son-tay', 'Thị xã Sơn Tây', 'thi_xa')
) as u (code, name, kind);

-- City departments (các Ban, Văn phòng of the city committee) take part in emulation too.
insert into public.unit (id, code, name, kind, valid_from)
select md5('unit:' || code)::uuid, code, name, 'ban_thanh_pho', date '2008-08-01'
from (values
  ('tp-van-phong', 'Văn phòng Ủy ban MTTQ Việt Nam Thành phố'),
  ('tp-ban-to-chuc-tuyen-giao', 'Ban Tổ chức – Tuyên giáo'),
  ('tp-ban-phong-trao', 'Ban Phong trào'),
  ('tp-ban-dan-chu-phap-luat', 'Ban Dân chủ – Pháp luật'),
  ('tp-ban-dan-toc-ton-giao', 'Ban Dân tộc – Tôn giáo – Đối ngoại')
) as u (code, name);

-- After the reform of 01/07/2025: communes and wards directly under the city. An example set, whose lineage points
-- back to the districts they came from (a ward formed from parts of two districts has two parents).
insert into public.unit (id, code, name, kind, valid_from) values
  ('11111111-1111-4111-8111-000000000001', 'phuong-ba-dinh', 'Phường Ba Đình', 'phuong', date '2025-07-01'),
  ('11111111-1111-4111-8111-000000000002', 'xa-dong-anh', 'Xã Đông Anh', 'xa', date '2025-07-01');
insert into public.unit (id, code, name, kind, valid_from)
select md5('unit:' || code)::uuid, code, name, kind, date '2025-07-01'
from (values
  ('phuong-ngoc-ha', 'Phường Ngọc Hà', 'phuong'), ('phuong-giang-vo', 'Phường Giảng Võ', 'phuong'),
  ('phuong-hoan-kiem', 'Phường Hoàn Kiếm', 'phuong'), ('phuong-cua-nam', 'Phường Cửa Nam', 'phuong'),
  ('xa-phuc-thinh', 'Xã Phúc Thịnh', 'xa'), ('phuong-son-tay', 'Phường Sơn Tây', 'phuong'),
  ('phuong-tung-thien', 'Phường Tùng Thiện', 'phuong')
) as u (code, name, kind);

insert into public.unit_lineage (from_unit_id, to_unit_id, change, effective_on)
select md5('unit:' || f)::uuid,
       case t when 'phuong-ba-dinh' then '11111111-1111-4111-8111-000000000001'::uuid
              when 'xa-dong-anh' then '11111111-1111-4111-8111-000000000002'::uuid
              else md5('unit:' || t)::uuid end,
       'reorganise', date '2025-07-01'
from (values
  ('ba-dinh', 'phuong-ba-dinh'), ('ba-dinh', 'phuong-ngoc-ha'), ('ba-dinh', 'phuong-giang-vo'), ('dong-da', 'phuong-giang-vo'),
  ('hoan-kiem', 'phuong-hoan-kiem'), ('hoan-kiem', 'phuong-cua-nam'), ('hai-ba-trung', 'phuong-cua-nam'),
  ('dong-anh', 'xa-dong-anh'), ('dong-anh', 'xa-phuc-thinh'), ('son-tay', 'phuong-son-tay'), ('son-tay', 'phuong-tung-thien')
) as l (f, t);

-- Emulation clusters of 2023 (a demo grouping of the 30 units; the real composition is set by the city each year).
insert into public.cluster (id, year, name, head_unit_id, deputy_unit_id)
select md5('cluster:2023:' || n)::uuid, 2023, 'Cụm thi đua số ' || n,
       md5('unit:' || head)::uuid, md5('unit:' || deputy)::uuid
from (values (1, 'ba-dinh', 'dong-da'), (2, 'hai-ba-trung', 'ha-dong'), (3, 'dong-anh', 'gia-lam'),
             (4, 'ba-vi', 'son-tay'), (5, 'chuong-my', 'thuong-tin')) as c (n, head, deputy);
insert into public.cluster_member (cluster_id, unit_id)
select md5('cluster:2023:' || n)::uuid, md5('unit:' || code)::uuid
from (values
  (1, 'ba-dinh'), (1, 'hoan-kiem'), (1, 'tay-ho'), (1, 'long-bien'), (1, 'cau-giay'), (1, 'dong-da'),
  (2, 'hai-ba-trung'), (2, 'hoang-mai'), (2, 'thanh-xuan'), (2, 'nam-tu-liem'), (2, 'bac-tu-liem'), (2, 'ha-dong'),
  (3, 'soc-son'), (3, 'dong-anh'), (3, 'gia-lam'), (3, 'thanh-tri'), (3, 'me-linh'), (3, 'son-tay'),
  (4, 'ba-vi'), (4, 'phuc-tho'), (4, 'dan-phuong'), (4, 'hoai-duc'), (4, 'quoc-oai'), (4, 'thach-that'),
  (5, 'chuong-my'), (5, 'thanh-oai'), (5, 'thuong-tin'), (5, 'phu-xuyen'), (5, 'ung-hoa'), (5, 'my-duc')
) as m (n, code);

-- This year's clusters of the current units, with head (Cụm trưởng) and deputy (Cụm phó) units.
insert into public.cluster (id, year, name, head_unit_id, deputy_unit_id)
select id::uuid, extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int, name,
       head::uuid, deputy::uuid
from (values
  ('22222222-2222-4222-8222-000000000001', 'Cụm thi đua số 1', '11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002'),
  ('22222222-2222-4222-8222-000000000002', 'Cụm thi đua số 2', md5('unit:phuong-hoan-kiem')::text, md5('unit:phuong-cua-nam')::text),
  ('22222222-2222-4222-8222-000000000003', 'Cụm thi đua số 3', md5('unit:phuong-son-tay')::text, md5('unit:xa-phuc-thinh')::text)
) as c (id, name, head, deputy);
insert into public.cluster_member (cluster_id, unit_id)
select c::uuid, u::uuid from (values
  ('22222222-2222-4222-8222-000000000001', '11111111-1111-4111-8111-000000000001'),
  ('22222222-2222-4222-8222-000000000001', '11111111-1111-4111-8111-000000000002'),
  ('22222222-2222-4222-8222-000000000001', md5('unit:phuong-ngoc-ha')::text),
  ('22222222-2222-4222-8222-000000000002', md5('unit:phuong-hoan-kiem')::text),
  ('22222222-2222-4222-8222-000000000002', md5('unit:phuong-cua-nam')::text),
  ('22222222-2222-4222-8222-000000000002', md5('unit:phuong-giang-vo')::text),
  ('22222222-2222-4222-8222-000000000003', md5('unit:phuong-son-tay')::text),
  ('22222222-2222-4222-8222-000000000003', md5('unit:phuong-tung-thien')::text),
  ('22222222-2222-4222-8222-000000000003', md5('unit:xa-phuc-thinh')::text)
) as m (c, u);

-- Demo accounts (GoTrue's columns; bcrypt `$2a$` hashes as GoTrue writes them).
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id::uuid, 'authenticated', 'authenticated', email,
       extensions.crypt('ThiDua@2026', extensions.gen_salt('bf', 10)), now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb, jsonb_build_object('full_name', full_name), now(), now()
from (values
  ('aaaaaaaa-0000-4000-8000-000000000001', 'phongvien.badinh@thidua.test', 'Nguyễn Văn An'),
  ('aaaaaaaa-0000-4000-8000-000000000002', 'phongvien2.badinh@thidua.test', 'Lê Thị Bình'),
  ('aaaaaaaa-0000-4000-8000-000000000003', 'phongvien.donganh@thidua.test', 'Phạm Văn Cường'),
  ('aaaaaaaa-0000-4000-8000-000000000004', 'canbo.badinh@thidua.test', 'Trần Thị Dung'),
  ('aaaaaaaa-0000-4000-8000-000000000005', 'canbo.donganh@thidua.test', 'Hoàng Văn Em'),
  ('aaaaaaaa-0000-4000-8000-000000000006', 'thanhpho@thidua.test', 'Đỗ Thị Giang'),
  ('aaaaaaaa-0000-4000-8000-000000000007', 'cumtruong.cum1@thidua.test', 'Vũ Văn Hải'),
  ('aaaaaaaa-0000-4000-8000-000000000008', 'lanhdao@thidua.test', 'Nguyễn Thị Lan'),
  ('aaaaaaaa-0000-4000-8000-000000000009', 'hoidong@thidua.test', 'Bùi Văn Khánh'),
  ('aaaaaaaa-0000-4000-8000-000000000010', 'canbo.ngocha@thidua.test', 'Đặng Thị Mai'),
  ('aaaaaaaa-0000-4000-8000-000000000011', 'canbo.hoankiem@thidua.test', 'Phan Văn Nam'),
  ('aaaaaaaa-0000-4000-8000-000000000012', 'canbo.cuanam@thidua.test', 'Ngô Thị Oanh'),
  ('aaaaaaaa-0000-4000-8000-000000000013', 'canbo.giangvo@thidua.test', 'Trịnh Văn Phúc')
) as u (id, email, full_name);

insert into public.profile (user_id, full_name)
select id, raw_user_meta_data ->> 'full_name' from auth.users where email like '%@thidua.test';

insert into public.membership (user_id, role, unit_id, year)
select user_id::uuid, role, unit_id::uuid, extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int
from (values
  ('aaaaaaaa-0000-4000-8000-000000000001', 'reporter', '11111111-1111-4111-8111-000000000001'),
  ('aaaaaaaa-0000-4000-8000-000000000002', 'reporter', '11111111-1111-4111-8111-000000000001'),
  ('aaaaaaaa-0000-4000-8000-000000000003', 'reporter', '11111111-1111-4111-8111-000000000002'),
  ('aaaaaaaa-0000-4000-8000-000000000004', 'unit_officer', '11111111-1111-4111-8111-000000000001'),
  ('aaaaaaaa-0000-4000-8000-000000000005', 'unit_officer', '11111111-1111-4111-8111-000000000002'),
  ('aaaaaaaa-0000-4000-8000-000000000010', 'unit_officer', md5('unit:phuong-ngoc-ha')::text),
  ('aaaaaaaa-0000-4000-8000-000000000011', 'unit_officer', md5('unit:phuong-hoan-kiem')::text),
  ('aaaaaaaa-0000-4000-8000-000000000012', 'unit_officer', md5('unit:phuong-cua-nam')::text),
  ('aaaaaaaa-0000-4000-8000-000000000013', 'unit_officer', md5('unit:phuong-giang-vo')::text)
) as m (user_id, role, unit_id);
insert into public.membership (user_id, role, year)
select user_id::uuid, role, extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int
from (values ('aaaaaaaa-0000-4000-8000-000000000006', 'city_admin'), ('aaaaaaaa-0000-4000-8000-000000000008', 'city_leader'),
             ('aaaaaaaa-0000-4000-8000-000000000009', 'council_member')) as m (user_id, role);
-- The head of Cụm 1 is staff of its head unit, Phường Ba Đình: the home unit the conflict-of-interest rule uses.
insert into public.membership (user_id, role, cluster_id, unit_id, year)
values ('aaaaaaaa-0000-4000-8000-000000000007', 'cluster_lead', '22222222-2222-4222-8222-000000000001',
        '11111111-1111-4111-8111-000000000001', extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int);
-- Phân công: the city leader supervises clusters 1 and 2.
insert into public.cluster_leader_assignment (cluster_id, user_id) values
  ('22222222-2222-4222-8222-000000000001', 'aaaaaaaa-0000-4000-8000-000000000008'),
  ('22222222-2222-4222-8222-000000000002', 'aaaaaaaa-0000-4000-8000-000000000008');

-- Movements and campaigns launched by the city this year (phong trào thi đua, cuộc vận động); stories carry one.
insert into public.movement (id, year, kind, name, content, starts_on, ends_on, criteria_note, status, launched_at)
select md5('movement:' || code)::uuid, y, kind, name, content, make_date(y, sm, sd), case when em is null then null else make_date(y, em, ed) end,
       criteria, status, case when status = 'launched' then make_timestamptz(y, 1, 5, 9, 0, 0, 'Asia/Ho_Chi_Minh') end
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr,
(values
  ('nguoi-tot-viec-tot', 'regular', 'Phong trào "Người tốt, việc tốt"',
   'Phát hiện, ghi nhận, tuyên truyền và nhân rộng những tấm gương người tốt, việc tốt trong các khu dân cư; mỗi Ban công tác Mặt trận giới thiệu ít nhất một gương điển hình mỗi quý.',
   1, 1, null, null, 'Số gương người tốt, việc tốt được phát hiện, xác minh và tuyên truyền (nhóm tiêu chí Tuyên truyền, nhân rộng điển hình).', 'launched'),
  ('vi-nguoi-ngheo', 'regular', 'Phong trào thi đua "Vì người nghèo – Không để ai bị bỏ lại phía sau"',
   'Vận động ủng hộ Quỹ "Vì người nghèo", hỗ trợ xây, sửa nhà Đại đoàn kết, chăm lo cho hộ nghèo, hộ cận nghèo và người có hoàn cảnh khó khăn.',
   1, 1, null, null, 'Kết quả vận động Quỹ "Vì người nghèo" và số nhà Đại đoàn kết được hỗ trợ.', 'launched'),
  ('nong-thon-moi-do-thi-van-minh', 'campaign', 'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
   'Phát huy vai trò chủ thể của Nhân dân trong xây dựng nông thôn mới, đô thị văn minh; xây dựng khu dân cư văn hóa, hiến đất mở đường, giữ gìn vệ sinh môi trường.',
   1, 1, null, null, 'Tỷ lệ khu dân cư đạt chuẩn văn hóa; mô hình tự quản được nhân rộng.', 'launched'),
  ('chuyen-doi-so-mat-tran', 'thematic', 'Chuyên đề thi đua "Đẩy mạnh chuyển đổi số trong hoạt động của Mặt trận"',
   'Ứng dụng công nghệ thông tin trong tuyên truyền, tập hợp ý kiến cử tri và quản lý phong trào thi đua ở cơ sở.',
   3, 1, 12, 31, 'Số Ban công tác Mặt trận sử dụng ứng dụng Thi đua – Khen thưởng.', 'launched'),
  ('cao-diem-dai-hoi', 'periodic', 'Đợt thi đua cao điểm chào mừng Đại hội đại biểu MTTQ Việt Nam các cấp',
   'Đợt thi đua ngắn hạn lập thành tích chào mừng Đại hội; các đơn vị đăng ký công trình, phần việc cụ thể.',
   9, 1, 12, 15, null, 'draft')
) as m (code, kind, name, content, sm, sd, em, ed, criteria, status);

-- Stories in every state of the workflow, written as if they had gone through it.
insert into public.story (id, unit_id, author_id, kind, title, body, subject_name, subject_kind, occurred_on, address,
                          consent_given_by, consent_method, consent_recorded_at, status, reviewed_by, reviewed_at,
                          published_by, published_at, review_note, created_at, movement_id)
values
  ('5eed0000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
   'good_deed', 'Bà Nguyễn Thị Hoa và 15 năm bếp cơm miễn phí cho bệnh nhân nghèo',
   'Mỗi sáng từ 4 giờ, bà Hoa cùng các tình nguyện viên trong tổ dân phố nấu hơn 200 suất cơm, mang đến cổng bệnh viện cho người bệnh có hoàn cảnh khó khăn. Bếp cơm duy trì suốt 15 năm nhờ sự góp sức của bà con khu dân cư.',
   'Bà Nguyễn Thị Hoa', 'person', date '2026-03-08', 'Tổ dân phố 12, phường Ba Đình',
   'Bà Nguyễn Thị Hoa', 'written', now() - interval '30 days', 'published',
   'aaaaaaaa-0000-4000-8000-000000000004', now() - interval '20 days',
   'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '15 days', null, now() - interval '25 days', md5('movement:vi-nguoi-ngheo')::uuid),
  ('5eed0000-0000-4000-8000-000000000002', '11111111-1111-4111-8111-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003',
   'exemplary_model', 'Mô hình "Tủ sách khu dân cư" – người tốt việc tốt ở thôn Đản Mỗ',
   'Ban công tác Mặt trận thôn vận động bà con góp hơn 3.000 đầu sách, lập tủ sách mở tại nhà văn hóa. Mỗi tối thứ Bảy, thanh niên trong thôn đọc sách cùng các cháu thiếu nhi. Mô hình đã được ba thôn lân cận học tập.',
   'Ban công tác Mặt trận thôn Đản Mỗ', 'collective', date '2026-05-19', 'Thôn Đản Mỗ, xã Đông Anh',
   'Trưởng ban công tác Mặt trận thôn', 'written', now() - interval '40 days', 'published',
   'aaaaaaaa-0000-4000-8000-000000000005', now() - interval '35 days',
   'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '30 days', null, now() - interval '38 days', md5('movement:nong-thon-moi-do-thi-van-minh')::uuid),
  ('5eed0000-0000-4000-8000-000000000003', '11111111-1111-4111-8111-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
   'good_deed', 'Anh Trần Văn Minh trả lại 50 triệu đồng nhặt được',
   'Trên đường đi làm, anh Minh nhặt được chiếc túi có 50 triệu đồng và giấy tờ tùy thân. Anh đã đến công an phường trình báo và trả lại toàn bộ cho người đánh rơi là một tiểu thương ở chợ Ngọc Hà.',
   'Anh Trần Văn Minh', 'person', date '2026-09-02', 'Phố Đội Cấn, phường Ba Đình',
   'Anh Trần Văn Minh', 'verbal_recorded', now() - interval '10 days', 'published',
   'aaaaaaaa-0000-4000-8000-000000000004', now() - interval '8 days',
   'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '6 days', null, now() - interval '9 days', md5('movement:nguoi-tot-viec-tot')::uuid),
  ('5eed0000-0000-4000-8000-000000000004', '11111111-1111-4111-8111-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
   'good_deed', 'Nhóm thanh niên tình nguyện sửa xe miễn phí cho người lao động',
   'Mỗi chiều Chủ nhật, nhóm năm bạn trẻ dựng điểm sửa xe miễn phí ở đầu ngõ cho người lao động tự do và sinh viên.',
   'Nhóm thanh niên tình nguyện ngõ 45', 'collective', date '2026-10-12', 'Ngõ 45, phường Ba Đình',
   'Trưởng nhóm thanh niên', 'written', now() - interval '3 days', 'submitted',
   null, null, null, null, null, now() - interval '3 days', md5('movement:nguoi-tot-viec-tot')::uuid),
  ('5eed0000-0000-4000-8000-000000000005', '11111111-1111-4111-8111-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003',
   'good_deed', 'Cụ Lê Văn Tám hiến đất mở rộng đường liên thôn',
   'Cụ Tám cùng gia đình hiến 120 m² đất để mở rộng đường liên thôn, giúp xe cứu thương và xe chở nông sản vào được tận xóm.',
   'Cụ Lê Văn Tám', 'person', date '2026-08-20', 'Thôn Lực Canh, xã Đông Anh',
   'Cụ Lê Văn Tám', 'written', now() - interval '5 days', 'verified',
   'aaaaaaaa-0000-4000-8000-000000000005', now() - interval '2 days', null, null, null, now() - interval '5 days', md5('movement:nong-thon-moi-do-thi-van-minh')::uuid);

insert into public.story_photo (id, story_id, position, storage_path, thumb_path, content_type, width, height, byte_size, sha256, caption)
values
  ('5eedf000-0000-4000-8000-000000000011', '5eed0000-0000-4000-8000-000000000001', 0,
   '11111111-1111-4111-8111-000000000001/5eed0000-0000-4000-8000-000000000001/5eedf000-0000-4000-8000-000000000011.jpg',
   '11111111-1111-4111-8111-000000000001/5eed0000-0000-4000-8000-000000000001/5eedf000-0000-4000-8000-000000000011-thumb.jpg',
   'image/jpeg', 1200, 800, 47567, 'ba001141e5fd0ab21ec07cf8833efcda515ad194992267bc166b1ded6208a9c1', 'Bếp cơm buổi sáng'),
  ('5eedf000-0000-4000-8000-000000000012', '5eed0000-0000-4000-8000-000000000001', 1,
   '11111111-1111-4111-8111-000000000001/5eed0000-0000-4000-8000-000000000001/5eedf000-0000-4000-8000-000000000012.jpg',
   '11111111-1111-4111-8111-000000000001/5eed0000-0000-4000-8000-000000000001/5eedf000-0000-4000-8000-000000000012-thumb.jpg',
   'image/jpeg', 1200, 800, 47883, '6b13c956885f1545e2d7bebcb22db07f197660514fd73d878390b1636061ca7f', 'Phát cơm ở cổng bệnh viện'),
  ('5eedf000-0000-4000-8000-000000000021', '5eed0000-0000-4000-8000-000000000002', 0,
   '11111111-1111-4111-8111-000000000002/5eed0000-0000-4000-8000-000000000002/5eedf000-0000-4000-8000-000000000021.jpg',
   '11111111-1111-4111-8111-000000000002/5eed0000-0000-4000-8000-000000000002/5eedf000-0000-4000-8000-000000000021-thumb.jpg',
   'image/jpeg', 1200, 800, 47773, 'ef06ec6bc7808accdef6cfdfd0939807a6d09f1460286021461c1808fd4fb64a', 'Tủ sách tại nhà văn hóa thôn'),
  ('5eedf000-0000-4000-8000-000000000031', '5eed0000-0000-4000-8000-000000000003', 0,
   '11111111-1111-4111-8111-000000000001/5eed0000-0000-4000-8000-000000000003/5eedf000-0000-4000-8000-000000000031.jpg',
   '11111111-1111-4111-8111-000000000001/5eed0000-0000-4000-8000-000000000003/5eedf000-0000-4000-8000-000000000031-thumb.jpg',
   'image/jpeg', 1200, 800, 47664, 'b79a3b52d973d56d3d5db5dcdcb865ff6218742c0fbe5440f62cbe931ae942fa', null);

-- The storage rows for those photos (the local stack copies the bytes from supabase/seed-files/ on start).
insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
select 'story-photos', a.path, s.author_id, s.author_id::text,
       jsonb_build_object('mimetype', 'image/jpeg', 'size', a.size, 'cacheControl', 'max-age=3600')
from (
  select story_id, storage_path as path, byte_size as size from public.story_photo
  union all
  select p.story_id, p.thumb_path, t.size
  from public.story_photo p
  join (values ('5eedf000-0000-4000-8000-000000000011'::uuid, 10228), ('5eedf000-0000-4000-8000-000000000012'::uuid, 10302),
               ('5eedf000-0000-4000-8000-000000000021'::uuid, 10276), ('5eedf000-0000-4000-8000-000000000031'::uuid, 10204))
    as t (photo_id, size) on t.photo_id = p.id
) a join public.story s on s.id = a.story_id;

-- ---------------------------------------------------------------------------------------------------------------
-- The yearly cycle. The catalogue of emulation titles in two versions: the 2003 law (as amended) with Decree
-- 91/2017 that the 2023 plan cites, and the 2022 law with Decree 98/2023 in force from 01/01/2024.
insert into public.catalogue_version (id, code, name, legal_basis, valid_from, valid_to) values
  (md5('catalogue:2017')::uuid, 'luat-tdkt-2013-nd-91-2017', 'Danh mục danh hiệu thi đua 2017–2023',
   'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung 2013); Nghị định số 91/2017/NĐ-CP', date '2017-10-01', date '2024-01-01'),
  (md5('catalogue:2024')::uuid, 'luat-tdkt-2022-nd-98-2023', 'Danh mục danh hiệu thi đua từ 2024',
   'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP', date '2024-01-01', null);
insert into public.emulation_title (id, catalogue_version_id, code, name, name_en, applies_to, conferred_by, position)
select md5('title:' || v || ':' || code)::uuid, md5('catalogue:' || v)::uuid, code, name, name_en, applies_to, conferred_by, pos
from (values ('2017'), ('2024')) as versions (v),
(values
  ('co_thi_dua_tw_mttq', 'Cờ thi đua của Ủy ban Trung ương MTTQ Việt Nam', 'Emulation Flag of the VFF Central Committee', 'collective', 'Ủy ban Trung ương MTTQ Việt Nam', 1),
  ('co_thi_dua_ubnd_tp', 'Cờ thi đua của Ủy ban nhân dân thành phố Hà Nội', 'Emulation Flag of the Hanoi People''s Committee', 'collective', 'Ủy ban nhân dân thành phố Hà Nội', 2),
  ('tap_the_ld_xuat_sac', 'Tập thể lao động xuất sắc', 'Excellent Labour Collective', 'collective', 'Ủy ban MTTQ Việt Nam thành phố Hà Nội', 3),
  ('tap_the_ld_tien_tien', 'Tập thể lao động tiên tiến', 'Advanced Labour Collective', 'collective', 'Ủy ban MTTQ Việt Nam thành phố Hà Nội', 4),
  ('chien_si_thi_dua_tp', 'Chiến sĩ thi đua thành phố', 'City Emulation Fighter', 'individual', 'Ủy ban nhân dân thành phố Hà Nội', 5),
  ('chien_si_thi_dua_co_so', 'Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighter', 'individual', 'Thủ trưởng đơn vị', 6),
  ('lao_dong_tien_tien', 'Lao động tiên tiến', 'Advanced Worker', 'individual', 'Thủ trưởng đơn vị', 7)
) as t (code, name, name_en, applies_to, conferred_by, pos);

-- The 2023 plan's timetable (section III), as published. The plan prints the covenant deadline as 18/02/2022, a typo
-- for 2023 (kept in the note).
insert into public.plan (id, year, title, document_ref, status, published_at, created_at) values
  (md5('plan:2023')::uuid, 2023, 'Kế hoạch công tác thi đua, khen thưởng năm 2023',
   'Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội', 'published',
   timestamptz '2023-01-03 09:00+07', timestamptz '2022-12-28 09:00+07');
insert into public.milestone (plan_id, code, title, deliverable, responsible, completion, due_on, position, note)
select md5('plan:2023')::uuid, code, title, deliverable, responsible, completion, due_on, pos, note
from (values
  ('registration', 'Xây dựng kế hoạch, đăng ký danh hiệu và chuyên đề thi đua năm 2023',
   'Kế hoạch công tác thi đua, khen thưởng; đăng ký danh hiệu và các chuyên đề thi đua năm 2023 gửi Cụm thi đua và Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội',
   'unit', 'registration', date '2023-01-14', 1, null),
  ('covenant', 'Tổ chức ký kết giao ước và đăng ký thi đua',
   'Giao ước thi đua của Cụm được tất cả đơn vị thành viên ký', 'cluster', 'covenant', date '2023-02-18', 2,
   'Kế hoạch in "trước ngày 18/02/2022" – lỗi đánh máy, đúng là 18/02/2023.'),
  ('kncc_nomination', 'Đề nghị xét tặng Kỷ niệm chương "Vì sự nghiệp Đại đoàn kết dân tộc"',
   'Hồ sơ đề nghị xét tặng Kỷ niệm chương của Trung ương MTTQ Việt Nam (theo Quyết định 2261/QĐ-MTTW-BTT ngày 05/11/2018)',
   'unit', 'report', date '2023-03-24', 3, null),
  ('mid_year_review', 'Tổ chức sơ kết 6 tháng đầu năm', 'Hội nghị sơ kết 6 tháng của Cụm thi đua và báo cáo gửi Thành phố',
   'cluster', 'report', date '2023-07-03', 4, null),
  ('year_end_scoring', 'Tổ chức tổng kết, chấm điểm thi đua các đơn vị trong Cụm thi đua năm 2023',
   'Hội nghị tổng kết và bảng chấm điểm các đơn vị thành viên gửi Thành phố', 'cluster', 'report', date '2023-11-03', 5, null),
  ('award_dossiers', 'Tổ chức xét và gửi hồ sơ đề nghị khen thưởng tổng kết năm 2023',
   'Hồ sơ đề nghị Ủy ban Trung ương MTTQ Việt Nam, Ủy ban MTTQ Việt Nam Thành phố khen thưởng tổng kết năm 2023',
   'unit', 'report', date '2023-11-10', 6, null),
  ('council_review', 'Tổ chức bình xét thi đua trong hệ thống MTTQ Việt Nam Thành phố năm 2023',
   'Phiên họp bình xét của Hội đồng Thi đua – Khen thưởng và Kỷ luật', 'council', 'report', date '2023-11-20', 7, null)
) as m (code, title, deliverable, responsible, completion, due_on, pos, note);

-- This year's plan: the 2023 one copied and shifted by whole years (what public.copy_plan does for the city admin).
insert into public.plan (id, year, title, document_ref, status, published_at, copied_from_plan_id, created_at)
select md5('plan:current')::uuid, y, 'Kế hoạch công tác thi đua, khen thưởng năm ' || y,
       'Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội', 'published',
       make_timestamptz(y, 1, 3, 9, 0, 0, 'Asia/Ho_Chi_Minh'), md5('plan:2023')::uuid, make_timestamptz(y - 1, 12, 28, 9, 0, 0, 'Asia/Ho_Chi_Minh')
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr;
insert into public.milestone (plan_id, code, title, deliverable, responsible, completion, due_on, position)
select md5('plan:current')::uuid, m.code, replace(m.title, '2023', p.year::text), replace(m.deliverable, '2023', p.year::text),
       m.responsible, m.completion, (m.due_on + make_interval(years => p.year - 2023))::date, m.position
from public.milestone m, public.plan p
where m.plan_id = md5('plan:2023')::uuid and p.id = md5('plan:current')::uuid;

-- Registrations of this year: Ngọc Hà's accepted by the city, Đông Anh's sent and waiting; Ba Đình has not registered.
insert into public.registration (id, unit_id, year, status, topics, submitted_at, submitted_by, reviewed_at, reviewed_by, created_by)
select md5('registration:' || r.u)::uuid, r.u::uuid, yr.y, r.status, r.topics, make_timestamptz(yr.y, 1, r.day, 15, 30, 0, 'Asia/Ho_Chi_Minh'),
       r.by::uuid, case when r.status = 'accepted' then make_timestamptz(yr.y, 1, 16, 10, 0, 0, 'Asia/Ho_Chi_Minh') end,
       case when r.status = 'accepted' then 'aaaaaaaa-0000-4000-8000-000000000006'::uuid end, r.by::uuid
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr,
(values
  (md5('unit:phuong-ngoc-ha')::text, 'accepted', 9, 'aaaaaaaa-0000-4000-8000-000000000010',
   array['Xây dựng khu dân cư "Sáng – Xanh – Sạch – Đẹp"', 'Chuyển đổi số trong công tác Mặt trận ở tổ dân phố']),
  ('11111111-1111-4111-8111-000000000002', 'submitted', 16, 'aaaaaaaa-0000-4000-8000-000000000005',
   array['Toàn dân đoàn kết xây dựng nông thôn mới kiểu mẫu'])
) as r (u, status, day, by, topics);
insert into public.registration_title (registration_id, title_id, headcount)
select md5('registration:' || u)::uuid, md5('title:2024:' || code)::uuid, headcount
from (values
  (md5('unit:phuong-ngoc-ha')::text, 'tap_the_ld_xuat_sac', null), (md5('unit:phuong-ngoc-ha')::text, 'chien_si_thi_dua_co_so', 2),
  ('11111111-1111-4111-8111-000000000002', 'co_thi_dua_ubnd_tp', null), ('11111111-1111-4111-8111-000000000002', 'lao_dong_tien_tien', 12)
) as t (u, code, headcount);

-- Covenants: Cụm 1 is open and only Ngọc Hà has signed; Cụm 2 is fully signed; Cụm 3 is still a draft.
insert into public.covenant (id, cluster_id, title, body, status, opened_at, created_by, created_at)
select md5('covenant:' || c)::uuid, c::uuid, 'Giao ước thi đua năm ' || yr.y || ' – ' || cl.name,
       'Căn cứ Kế hoạch công tác thi đua, khen thưởng năm ' || yr.y || ' của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội, '
       || 'các đơn vị thành viên ' || cl.name || ' thống nhất ký kết giao ước thi đua với các nội dung:' || E'\n\n'
       || '1. Thực hiện tốt các phong trào thi đua, cuộc vận động do Ủy ban MTTQ Việt Nam Thành phố phát động.' || E'\n'
       || '2. Phát hiện, bồi dưỡng, tuyên truyền và nhân rộng các gương người tốt, việc tốt, điển hình tiên tiến.' || E'\n'
       || '3. Hoàn thành đúng tiến độ đăng ký thi đua, sơ kết, tổng kết và hồ sơ đề nghị khen thưởng.' || E'\n'
       || '4. Thường xuyên trao đổi kinh nghiệm, cách làm hay giữa các đơn vị trong Cụm.',
       st, case when st = 'open' then make_timestamptz(yr.y, 2, 2, 8, 0, 0, 'Asia/Ho_Chi_Minh') end,
       'aaaaaaaa-0000-4000-8000-000000000007'::uuid, make_timestamptz(yr.y, 1, 20, 8, 0, 0, 'Asia/Ho_Chi_Minh')
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr,
(values ('22222222-2222-4222-8222-000000000001', 'open'), ('22222222-2222-4222-8222-000000000002', 'open'),
        ('22222222-2222-4222-8222-000000000003', 'draft')) as v (c, st)
join public.cluster cl on cl.id = v.c::uuid;
insert into public.covenant_signature (covenant_id, unit_id, signed_by, signer_name, signed_at)
select md5('covenant:' || c)::uuid, cm.unit_id, m.user_id, p.full_name, make_timestamptz(yr.y, 2, 10, 9, 0, 0, 'Asia/Ho_Chi_Minh')
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr,
(values ('22222222-2222-4222-8222-000000000001'), ('22222222-2222-4222-8222-000000000002')) as v (c)
join public.cluster_member cm on cm.cluster_id = v.c::uuid
join public.membership m on m.unit_id = cm.unit_id and m.role = 'unit_officer'
join public.profile p on p.user_id = m.user_id
where m.year = yr.y and (v.c <> '22222222-2222-4222-8222-000000000001' or cm.unit_id = md5('unit:phuong-ngoc-ha')::uuid);

-- ---------------------------------------------------------------------------------------------------------------
-- Scoring (issue 6): this year's criteria set, frozen; the mid-year review published with its decision; the
-- year-end round open, with Ngọc Hà and Đông Anh self-assessed and Ngọc Hà scored by the cluster. Phường Ba Đình has
-- not self-assessed yet (the end-to-end journey does it).
insert into public.criteria_set (id, year, title, status, frozen_at)
select md5('criteria:current')::uuid, y, 'Bộ tiêu chí chấm điểm thi đua năm ' || y || ' (Ủy ban MTTQ cấp xã, phường)', 'draft', null
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr;
insert into public.criterion_group (id, criteria_set_id, code, name, position)
select md5('criterion-group:' || code)::uuid, md5('criteria:current')::uuid, code, name, pos
from (values
  ('A', 'Công tác tập hợp, đoàn kết Nhân dân', 1),
  ('B', 'Các phong trào thi đua, cuộc vận động', 2),
  ('C', 'Giám sát và phản biện xã hội', 3),
  ('D', 'Công tác thi đua, khen thưởng và chuyển đổi số', 4),
  ('E', 'Điểm thưởng và điểm trừ', 5)
) as g (code, name, pos);
insert into public.criterion (id, criteria_set_id, group_id, code, name, guidance, kind, max_points, position)
select md5('criterion:' || code)::uuid, md5('criteria:current')::uuid, md5('criterion-group:' || grp)::uuid, code, name, guidance, kind, max_points, pos
from (values
  ('A', 'A1', 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 100% khu dân cư', 'Biên bản, ảnh Ngày hội của từng khu dân cư.', 'base', 10, 1),
  ('A', 'A2', 'Củng cố, kiện toàn Ban công tác Mặt trận ở khu dân cư', 'Quyết định kiện toàn; danh sách Ban công tác Mặt trận.', 'base', 10, 2),
  ('B', 'B1', 'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"', 'Tỷ lệ khu dân cư văn hóa; mô hình tự quản.', 'base', 15, 3),
  ('B', 'B2', 'Vận động Quỹ "Vì người nghèo", hỗ trợ nhà Đại đoàn kết', 'Số tiền vận động; số nhà được hỗ trợ.', 'base', 15, 4),
  ('B', 'B3', 'Phát hiện, tuyên truyền gương người tốt, việc tốt', 'Số câu chuyện được xác minh và công bố trên ứng dụng.', 'base', 10, 5),
  ('C', 'C1', 'Tổ chức giám sát, phản biện xã hội theo kế hoạch', 'Kế hoạch và báo cáo kết quả giám sát.', 'base', 10, 6),
  ('C', 'C2', 'Tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân', 'Báo cáo tổng hợp gửi đúng hạn.', 'base', 10, 7),
  ('D', 'D1', 'Đăng ký thi đua, ký giao ước và gửi hồ sơ đúng tiến độ', 'Theo các mốc của kế hoạch năm.', 'base', 10, 8),
  ('D', 'D2', 'Ứng dụng công nghệ thông tin, chuyển đổi số', 'Sử dụng ứng dụng Thi đua – Khen thưởng ở cơ sở.', 'base', 10, 9),
  ('E', 'E1', 'Mô hình mới, cách làm sáng tạo được Thành phố ghi nhận', 'Điểm thưởng, tối đa 5 điểm.', 'bonus', 5, 10),
  ('E', 'E2', 'Chậm gửi báo cáo, hồ sơ theo quy định', 'Điểm trừ, mỗi lần chậm trừ 1 điểm, tối đa 5 điểm.', 'penalty', 5, 11)
) as c (grp, code, name, guidance, kind, max_points, pos);
update public.criteria_set set status = 'frozen', frozen_at = make_timestamptz(year, 3, 1, 9, 0, 0, 'Asia/Ho_Chi_Minh')
where id = md5('criteria:current')::uuid;

insert into public.assessment_round (id, year, period, criteria_set_id)
select md5('round:' || p)::uuid, s.year, p, s.id
from public.criteria_set s, (values ('mid_year'), ('year_end')) as v (p)
where s.id = md5('criteria:current')::uuid;

-- Mid-year: every unit scored by its cluster (a fixed spread, so ranks differ), then published.
insert into public.score (round_id, unit_id, criterion_id, stage, points, reason, scored_at)
select md5('round:mid_year')::uuid, cm.unit_id, c.id, 'cluster',
       case c.kind when 'base' then round(c.max_points * (0.6 + (get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 0) % 40) / 100.0) * 2) / 2
                   else (get_byte(decode(md5(cm.unit_id::text || c.code), 'hex'), 1) % 3) end,
       null, make_timestamptz(c.y, 7, 1, 9, 0, 0, 'Asia/Ho_Chi_Minh')
from public.cluster_member cm
join (select c.*, s.year as y from public.criterion c join public.criteria_set s on s.id = c.criteria_set_id
      where s.id = md5('criteria:current')::uuid) c on cm.year = c.y;
insert into public.decision (id, year, kind, number, signed_on, title)
select md5('decision:mid_year')::uuid, year, 'publish', '45/QĐ-MTTQ-BTT', make_date(year, 7, 10),
       'Quyết định công bố kết quả sơ kết thi đua 6 tháng đầu năm ' || year
from public.assessment_round where id = md5('round:mid_year')::uuid;
-- The mid-year ranking is the first one of the year: no earlier rank to compare with (the inserts above re-ranked
-- the cluster many times on the way). Published results are frozen, so this comes before publishing.
update public.unit_result set previous_rank = null, rank_changed_at = null where round_id = md5('round:mid_year')::uuid;
select set_config('thidua.publishing', '1', false);
update public.assessment_round set status = 'published', published_at = make_timestamptz(year, 7, 10, 15, 0, 0, 'Asia/Ho_Chi_Minh'),
       decision_id = md5('decision:mid_year')::uuid
where id = md5('round:mid_year')::uuid;
select set_config('thidua.publishing', '', false);

-- Year-end, in progress: Ngọc Hà and Đông Anh self-assessed; the cluster scored Ngọc Hà (one criterion lower, with
-- its reason).
insert into public.score (round_id, unit_id, criterion_id, stage, points, scored_at)
select md5('round:year_end')::uuid, u.id, c.id, 'self',
       case c.kind when 'base' then round(c.max_points * (0.75 + (get_byte(decode(md5(u.id::text || c.code || 'ye'), 'hex'), 0) % 25) / 100.0) * 2) / 2
                   when 'bonus' then 2 else 0 end,
       make_timestamptz(extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int, 10, 28, 9, 0, 0, 'Asia/Ho_Chi_Minh')
from public.unit u, public.criterion c
where u.id in (md5('unit:phuong-ngoc-ha')::uuid, '11111111-1111-4111-8111-000000000002'::uuid)
  and c.criteria_set_id = md5('criteria:current')::uuid;
insert into public.score (round_id, unit_id, criterion_id, stage, points, reason, scored_at)
select s.round_id, s.unit_id, s.criterion_id, 'cluster',
       case when c.code = 'B2' then greatest(s.points - 2, 0) else s.points end,
       case when c.code = 'B2' then 'Số nhà Đại đoàn kết hỗ trợ chưa có biên bản bàn giao.' end,
       s.scored_at + interval '3 days'
from public.score s join public.criterion c on c.id = s.criterion_id
where s.round_id = md5('round:year_end')::uuid and s.stage = 'self' and s.unit_id = md5('unit:phuong-ngoc-ha')::uuid;

-- ---------------------------------------------------------------------------------------------------------------
-- Award nominations. The award forms of the catalogue in force (Luật Thi đua, khen thưởng 2022; Nghị định 98/2023),
-- who proposes each, the occasions it is given on and the documents its dossier needs for each (ad hoc awards follow
-- the shortened procedure: the unit's memo and the summary of the achievement).
insert into public.award_form (id, catalogue_version_id, code, name, name_en, applies_to, proposers, conferred_by, requirements, position)
select md5('award:' || code)::uuid, md5('catalogue:2024')::uuid, code, name, name_en, applies_to, proposers, conferred_by, requirements::jsonb, pos
from (values
  ('kncc_dai_doan_ket', 'Kỷ niệm chương "Vì sự nghiệp Đại đoàn kết dân tộc"', 'Medal "For the cause of great national unity"',
   array['individual'], array['unit'], 'Ủy ban Trung ương MTTQ Việt Nam',
   '{"kncc": ["to_trinh", "ban_khai"]}', 1),
  ('bang_khen_tw_mttq', 'Bằng khen của Ủy ban Trung ương MTTQ Việt Nam', 'Certificate of Merit of the VFF Central Committee',
   array['individual', 'collective'], array['unit'], 'Ủy ban Trung ương MTTQ Việt Nam',
   '{"year_end": ["to_trinh", "bao_cao_thanh_tich", "bien_ban_xet"], "ad_hoc": ["to_trinh", "bao_cao_thanh_tich"]}', 2),
  ('bang_khen_ubnd_tp', 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội', 'Certificate of Merit of the Chairman of the Hanoi People''s Committee',
   array['individual', 'collective'], array['unit'], 'Chủ tịch Ủy ban nhân dân thành phố Hà Nội',
   '{"year_end": ["to_trinh", "bao_cao_thanh_tich", "bien_ban_xet"], "ad_hoc": ["to_trinh", "bao_cao_thanh_tich"]}', 3),
  ('co_thi_dua_tw_mttq', 'Cờ thi đua của Ủy ban Trung ương MTTQ Việt Nam', 'Emulation Flag of the VFF Central Committee',
   array['collective'], array['cluster'], 'Ủy ban Trung ương MTTQ Việt Nam',
   '{"year_end": ["to_trinh", "bao_cao_thanh_tich", "bien_ban_xet"]}', 4),
  ('giay_khen_btt_mttq_tp', 'Giấy khen của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội', 'Certificate of Commendation of the Standing Board of the Hanoi VFF Committee',
   array['individual', 'collective'], array['unit'], 'Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội',
   '{"year_end": ["to_trinh", "bao_cao_thanh_tich"], "ad_hoc": ["to_trinh", "bao_cao_thanh_tich"]}', 5)
) as f (code, name, name_en, applies_to, proposers, conferred_by, requirements, pos);

insert into public.council_setting (year, threshold_percent)
values (extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int, 50);

-- Two nominations on their way, written as if they had gone through the workflow (the trail records each step):
-- Xã Đông Anh's reading-shelf model, appraised and put to the council's vote; Phường Ba Đình's draft for Bà Hoa.
insert into public.nomination (id, year, unit_id, award_form_id, occasion, nominee_kind, nominee_name, nominee_position,
                               achievements, source_story_id, story_snapshot, status, created_by, created_at)
select md5('nomination:tu-sach')::uuid, extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int,
       '11111111-1111-4111-8111-000000000002', md5('award:giay_khen_btt_mttq_tp')::uuid, 'ad_hoc', 'collective',
       s.subject_name, 'Thôn Đản Mỗ, xã Đông Anh',
       'Vận động Nhân dân góp hơn 3.000 đầu sách, lập tủ sách mở tại nhà văn hóa thôn; duy trì buổi đọc sách tối thứ Bảy cho thiếu nhi.',
       s.id, jsonb_build_object('title', s.title, 'body', s.body, 'kind', s.kind, 'subject_name', s.subject_name,
                                'subject_kind', s.subject_kind, 'occurred_on', s.occurred_on, 'created_at', s.created_at,
                                'reviewed_at', s.reviewed_at, 'published_at', s.published_at, 'photos', '[]'::jsonb),
       'draft', 'aaaaaaaa-0000-4000-8000-000000000005', now() - interval '12 days'
from public.story s where s.id = '5eed0000-0000-4000-8000-000000000002';
insert into public.dossier_file (nomination_id, document_kind, storage_path, file_name, content_type, byte_size, uploaded_by, uploaded_at)
select md5('nomination:tu-sach')::uuid, kind, '11111111-1111-4111-8111-000000000002/' || md5('nomination:tu-sach')::uuid || '/' || md5('dossier:' || kind)::uuid || '.pdf',
       file_name, 'application/pdf', size, 'aaaaaaaa-0000-4000-8000-000000000005', now() - interval '11 days'
from (values ('to_trinh', 'To-trinh-de-nghi-khen-thuong.pdf', 631), ('bao_cao_thanh_tich', 'Bao-cao-thanh-tich-tu-sach.pdf', 639))
  as f (kind, file_name, size);
-- Their bytes are in supabase/seed-files/dossiers/ (the local stack copies them on start).
insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
select 'dossiers', f.storage_path, f.uploaded_by, f.uploaded_by::text,
       jsonb_build_object('mimetype', 'application/pdf', 'size', f.byte_size, 'cacheControl', 'max-age=3600')
from public.dossier_file f where f.nomination_id = md5('nomination:tu-sach')::uuid;
update public.nomination set status = 'submitted', first_submitted_at = now() - interval '10 days', submitted_at = now() - interval '10 days',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000005' where id = md5('nomination:tu-sach')::uuid;
update public.nomination set status = 'cluster_reviewed', cluster_reviewed_at = now() - interval '8 days'
where id = md5('nomination:tu-sach')::uuid;
insert into public.appraisal (nomination_id, standards_ok, conditions_ok, procedure_ok, documents_ok, outcome, note, appraised_by, appraised_at)
values (md5('nomination:tu-sach')::uuid, true, true, true, true, 'passed', 'Đủ tiêu chuẩn, điều kiện; hồ sơ đúng quy trình khen thưởng đột xuất.',
        'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '5 days');
update public.nomination set status = 'voting', appraised_at = now() - interval '5 days', appraised_by = 'aaaaaaaa-0000-4000-8000-000000000006',
       voting_opened_at = now() - interval '2 days'
where id = md5('nomination:tu-sach')::uuid;

insert into public.nomination (id, year, unit_id, award_form_id, occasion, nominee_kind, nominee_name, nominee_position,
                               achievements, source_story_id, story_snapshot, status, created_by, created_at)
select md5('nomination:bep-com')::uuid, extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int,
       '11111111-1111-4111-8111-000000000001', md5('award:bang_khen_ubnd_tp')::uuid, 'ad_hoc', 'individual',
       s.subject_name, 'Tổ dân phố 12, phường Ba Đình', '',
       s.id, jsonb_build_object('title', s.title, 'body', s.body, 'kind', s.kind, 'subject_name', s.subject_name,
                                'subject_kind', s.subject_kind, 'occurred_on', s.occurred_on, 'created_at', s.created_at,
                                'reviewed_at', s.reviewed_at, 'published_at', s.published_at,
                                'photos', (select jsonb_agg(jsonb_build_object('path', p.storage_path, 'thumb', p.thumb_path, 'caption', p.caption,
                                                                               'width', p.width, 'height', p.height) order by p.position)
                                           from public.story_photo p where p.story_id = s.id)),
       'draft', 'aaaaaaaa-0000-4000-8000-000000000004', now() - interval '1 day'
from public.story s where s.id = '5eed0000-0000-4000-8000-000000000001';

-- Replication: Phường Ngọc Hà adopted Xã Đông Anh's reading-shelf model two months ago (shown on the model's page).
insert into public.model_adoption (story_id, unit_id, adopted_on, note, created_by, created_at)
values ('5eed0000-0000-4000-8000-000000000002', md5('unit:phuong-ngoc-ha')::uuid, (now() at time zone 'Asia/Ho_Chi_Minh')::date - 60,
        'Lập tủ sách tại nhà văn hóa tổ dân phố 5 theo mô hình của thôn Đản Mỗ.', 'aaaaaaaa-0000-4000-8000-000000000010', now() - interval '60 days');

-- The writing contest of this year, open until the end of the year, with one published entry about Bà Hoa's kitchen.
insert into public.contest (id, year, title, description, opens_on, closes_on, status)
select md5('contest:current')::uuid, y, 'Cuộc thi viết "Gương sáng giữa đời thường" năm ' || y,
       'Viết về những tấm gương người tốt, việc tốt và mô hình điển hình tiên tiến ở khu dân cư Thủ đô. Bài dài 800–3.000 chữ, chưa đăng ở đâu; tác giả chọn bút danh khi gửi bài.',
       make_date(y, 3, 1), make_date(y, 12, 31), 'open'
from (select extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int as y) yr;
insert into public.contest_entry (contest_id, author_id, pen_name, story_id, title, body, status, reviewed_by, reviewed_at, submitted_at, published_at)
values (md5('contest:current')::uuid, 'aaaaaaaa-0000-4000-8000-000000000002', 'Lê Bình', '5eed0000-0000-4000-8000-000000000001',
        'Bếp lửa 4 giờ sáng',
        'Bốn giờ sáng, khi phố còn ngủ, căn bếp nhỏ ở tổ dân phố 12 đã đỏ lửa. Bà Hoa nhóm bếp, vo gạo, nhặt rau cùng mấy chị em tình nguyện. Mười lăm năm nay, hơn hai trăm suất cơm mỗi sáng được đưa đến cổng bệnh viện, trao tận tay những người bệnh nghèo và người nhà của họ. Không ai trả công, cũng chẳng ai đòi hỏi; chỉ có những lời cảm ơn khẽ khàng và nụ cười của người nhận. Bà bảo: "Còn sức thì còn nấu". Câu nói giản dị ấy đã lan sang cả khu phố: người góp gạo, người góp rau, các cháu sinh viên đến phụ bưng bê mỗi dịp nghỉ học.',
        'published', 'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '3 days', now() - interval '10 days', now() - interval '3 days');
