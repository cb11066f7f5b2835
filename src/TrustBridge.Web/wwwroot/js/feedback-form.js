// The patient feedback form (works without this): the staff list follows the department picker, in pinyin order as the
// server sent it, and the mobile number is required only when the patient does not stay anonymous.
(() => {
    const dept = document.getElementById('Dept');
    const staff = document.getElementById('StaffCode');
    const source = document.getElementById('staff-options');
    const list = document.getElementById('list-staff');
    if (dept && staff && source) {
        if (list) list.hidden = true;
        const fill = () => {
            const chosen = staff.value;
            staff.replaceChildren();
            const placeholder = document.createElement('option');
            placeholder.value = '';
            placeholder.textContent = dept.value ? staff.dataset.none : staff.dataset.chooseFirst;
            staff.append(placeholder);
            if (!dept.value) return;
            for (const option of source.content.querySelectorAll('option')) {
                if (option.dataset.dept !== dept.value) continue;
                const copy = option.cloneNode(true);
                copy.selected = copy.value === chosen;
                staff.append(copy);
            }
        };
        dept.addEventListener('change', fill);
    }
    const anonymous = document.getElementById('Anonymous');
    const mobile = document.getElementById('Mobile');
    if (anonymous && mobile) {
        const sync = () => {
            mobile.required = !anonymous.checked;
            mobile.setAttribute('aria-required', anonymous.checked ? 'false' : 'true');
        };
        anonymous.addEventListener('change', sync);
        sync();
    }
})();
