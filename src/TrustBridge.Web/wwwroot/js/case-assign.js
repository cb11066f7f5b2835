// The case page's assign form (works without this): the person list follows the chosen department, and a search box
// filters it by name or e-mail. Without JavaScript both lists are plain selects and the server checks the pair.
(() => {
    const form = document.getElementById('assign-form');
    if (!form) return;
    const dept = form.querySelector('#assign-dept');
    const owner = form.querySelector('#assign-owner');
    const search = document.createElement('input');
    search.type = 'search';
    search.className = 'form-control form-control-sm';
    search.id = 'assign-search';
    search.placeholder = form.dataset.searchLabel || '搜索姓名或邮箱';
    search.setAttribute('aria-label', search.placeholder);
    (form.querySelector('.assign-search-slot') ?? owner.parentElement).append(search);
    const filter = () => {
        const code = dept.value;
        const term = search.value.trim().toLowerCase();
        for (const group of owner.querySelectorAll('optgroup')) {
            let shown = 0;
            for (const option of group.querySelectorAll('option')) {
                const inDept = !code || !option.dataset.dept || option.dataset.dept === code;
                const matches = !term || option.textContent.toLowerCase().includes(term) || option.value.toLowerCase().includes(term);
                option.hidden = !(inDept && matches);
                option.disabled = option.hidden;
                if (!option.hidden) shown++;
            }
            group.hidden = shown === 0;
        }
        if (owner.selectedOptions[0]?.hidden) owner.value = '';
    };
    dept.addEventListener('change', filter);
    search.addEventListener('input', filter);
    filter();
})();
