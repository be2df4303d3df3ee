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
  ('aaaaaaaa-0000-4000-8000-000000000009', 'hoidong@thidua.test', 'Bùi Văn Khánh')
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
  ('aaaaaaaa-0000-4000-8000-000000000005', 'unit_officer', '11111111-1111-4111-8111-000000000002')
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

-- Stories in every state of the workflow, written as if they had gone through it.
insert into public.story (id, unit_id, author_id, kind, title, body, subject_name, subject_kind, occurred_on, address,
                          consent_given_by, consent_method, consent_recorded_at, status, reviewed_by, reviewed_at,
                          published_by, published_at, review_note, created_at)
values
  ('5eed0000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
   'good_deed', 'Bà Nguyễn Thị Hoa và 15 năm bếp cơm miễn phí cho bệnh nhân nghèo',
   'Mỗi sáng từ 4 giờ, bà Hoa cùng các tình nguyện viên trong tổ dân phố nấu hơn 200 suất cơm, mang đến cổng bệnh viện cho người bệnh có hoàn cảnh khó khăn. Bếp cơm duy trì suốt 15 năm nhờ sự góp sức của bà con khu dân cư.',
   'Bà Nguyễn Thị Hoa', 'person', date '2026-03-08', 'Tổ dân phố 12, phường Ba Đình',
   'Bà Nguyễn Thị Hoa', 'written', now() - interval '30 days', 'published',
   'aaaaaaaa-0000-4000-8000-000000000004', now() - interval '20 days',
   'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '15 days', null, now() - interval '25 days'),
  ('5eed0000-0000-4000-8000-000000000002', '11111111-1111-4111-8111-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003',
   'exemplary_model', 'Mô hình "Tủ sách khu dân cư" – người tốt việc tốt ở thôn Đản Mỗ',
   'Ban công tác Mặt trận thôn vận động bà con góp hơn 3.000 đầu sách, lập tủ sách mở tại nhà văn hóa. Mỗi tối thứ Bảy, thanh niên trong thôn đọc sách cùng các cháu thiếu nhi. Mô hình đã được ba thôn lân cận học tập.',
   'Ban công tác Mặt trận thôn Đản Mỗ', 'collective', date '2026-05-19', 'Thôn Đản Mỗ, xã Đông Anh',
   'Trưởng ban công tác Mặt trận thôn', 'written', now() - interval '40 days', 'published',
   'aaaaaaaa-0000-4000-8000-000000000005', now() - interval '35 days',
   'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '30 days', null, now() - interval '38 days'),
  ('5eed0000-0000-4000-8000-000000000003', '11111111-1111-4111-8111-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
   'good_deed', 'Anh Trần Văn Minh trả lại 50 triệu đồng nhặt được',
   'Trên đường đi làm, anh Minh nhặt được chiếc túi có 50 triệu đồng và giấy tờ tùy thân. Anh đã đến công an phường trình báo và trả lại toàn bộ cho người đánh rơi là một tiểu thương ở chợ Ngọc Hà.',
   'Anh Trần Văn Minh', 'person', date '2026-09-02', 'Phố Đội Cấn, phường Ba Đình',
   'Anh Trần Văn Minh', 'verbal_recorded', now() - interval '10 days', 'published',
   'aaaaaaaa-0000-4000-8000-000000000004', now() - interval '8 days',
   'aaaaaaaa-0000-4000-8000-000000000006', now() - interval '6 days', null, now() - interval '9 days'),
  ('5eed0000-0000-4000-8000-000000000004', '11111111-1111-4111-8111-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002',
   'good_deed', 'Nhóm thanh niên tình nguyện sửa xe miễn phí cho người lao động',
   'Mỗi chiều Chủ nhật, nhóm năm bạn trẻ dựng điểm sửa xe miễn phí ở đầu ngõ cho người lao động tự do và sinh viên.',
   'Nhóm thanh niên tình nguyện ngõ 45', 'collective', date '2026-10-12', 'Ngõ 45, phường Ba Đình',
   'Trưởng nhóm thanh niên', 'written', now() - interval '3 days', 'submitted',
   null, null, null, null, null, now() - interval '3 days'),
  ('5eed0000-0000-4000-8000-000000000005', '11111111-1111-4111-8111-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003',
   'good_deed', 'Cụ Lê Văn Tám hiến đất mở rộng đường liên thôn',
   'Cụ Tám cùng gia đình hiến 120 m² đất để mở rộng đường liên thôn, giúp xe cứu thương và xe chở nông sản vào được tận xóm.',
   'Cụ Lê Văn Tám', 'person', date '2026-08-20', 'Thôn Lực Canh, xã Đông Anh',
   'Cụ Lê Văn Tám', 'written', now() - interval '5 days', 'verified',
   'aaaaaaaa-0000-4000-8000-000000000005', now() - interval '2 days', null, null, null, now() - interval '5 days');

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
